using System.ComponentModel.DataAnnotations;

namespace Retention.Application.Email;

/// <summary>Settings under <c>Email</c> shared by every email we send.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>The sender address. With ACS it must be an address of a domain connected to the Communication Services resource.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Email:From is required (the sender address).")]
    [EmailAddress(ErrorMessage = "Email:From must be an email address such as reports@example.com.")]
    public string From { get; set; } = "reports@retention.local";
}
