using System.ComponentModel.DataAnnotations;

namespace Retention.Infrastructure.Email;

/// <summary>
/// Settings under <c>Email:Smtp</c> (environment: <c>Email__Smtp__Host</c>, ...) for <see cref="SmtpEmailSender"/>.
/// The defaults fit the local MailDev that <c>retention up</c> starts. For the Azure Communication Services SMTP relay use
/// Host <c>smtp.azurecomm.net</c>, Port 587, Security <c>StartTls</c> and the Entra application's credentials (docs/email.md).
/// </summary>
public sealed class SmtpEmailOptions : IValidatableObject
{
    public const string Section = "Email:Smtp";

    /// <summary>The SMTP server's host name or IP address.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Email:Smtp:Host is required (the SMTP server's host name, e.g. smtp.azurecomm.net).")]
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>The SMTP server's port: 1025 for the local MailDev, 587 for submission with STARTTLS, 465 for TLS on connect.</summary>
    [Range(1, 65535, ErrorMessage = "Email:Smtp:Port must be from 1 to 65535.")]
    public int Port { get; set; } = 1025;

    /// <summary>
    /// <c>None</c> (plain text; only for a server on this machine), <c>StartTls</c> (upgrade after connecting, required),
    /// <c>SslOnConnect</c> (TLS from the first byte, usually port 465) or <c>Auto</c> (TLS on 465, STARTTLS when offered elsewhere).
    /// </summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Email:Smtp:Security is required: None, StartTls, SslOnConnect or Auto.")]
    [RegularExpression("^(?i:None|StartTls|SslOnConnect|Auto)$", ErrorMessage = "Email:Smtp:Security must be None, StartTls, SslOnConnect or Auto.")]
    public string Security { get; set; } = nameof(SmtpSecurity.None);

    /// <summary>Optional; with it, <see cref="Password"/> is required and the sender authenticates after connecting.</summary>
    public string? UserName { get; set; }

    /// <summary>A secret: keep it in Key Vault or user secrets, never in a committed settings file.</summary>
    public string? Password { get; set; }

    /// <summary>Seconds allowed for connecting and for each command's reply.</summary>
    [Range(1, 600, ErrorMessage = "Email:Smtp:TimeoutSeconds must be from 1 to 600.")]
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>The parsed <see cref="Security"/>; valid once validation passed.</summary>
    internal SmtpSecurity SecurityMode => Enum.Parse<SmtpSecurity>(Security, ignoreCase: true);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var hasUser = !string.IsNullOrEmpty(UserName);
        var hasPassword = !string.IsNullOrEmpty(Password);
        if (hasUser && !hasPassword)
        {
            yield return new ValidationResult("Email:Smtp:Password is required when Email:Smtp:UserName is set.", [nameof(Password)]);
        }
        if (hasPassword && !hasUser)
        {
            yield return new ValidationResult("Email:Smtp:UserName is required when Email:Smtp:Password is set.", [nameof(UserName)]);
        }
    }
}
