using System.ComponentModel.DataAnnotations;

namespace Retention.Application.Messages;

/// <summary>Settings under <c>Brand</c>: how customer emails and the unsubscribe pages look and who they say they come from.</summary>
public sealed class BrandOptions
{
    public const string Section = "Brand";

    /// <summary>The store's name as customers know it.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Brand:Name is required (the store's name as customers know it).")]
    [StringLength(100, ErrorMessage = "Brand:Name must be at most 100 characters.")]
    public string Name { get; set; } = "Demo Store";

    /// <summary>Accent colour of buttons and the header line, <c>#RRGGBB</c>.</summary>
    [RegularExpression("^#[0-9A-Fa-f]{6}$", ErrorMessage = "Brand:Color must be a colour such as #0F766E.")]
    public string Color { get; set; } = "#0F766E";

    /// <summary>An absolute https address of the logo (shown 160 px wide at most), or empty for the name in text.</summary>
    [Url(ErrorMessage = "Brand:LogoUrl must be an absolute address such as https://shop.example/logo.png.")]
    public string? LogoUrl { get; set; }

    /// <summary>The shop's address: buttons lead there (and reviews, when a message names no review page).</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Brand:ShopUrl is required (the shop's web address).")]
    [Url(ErrorMessage = "Brand:ShopUrl must be an absolute address such as https://shop.example.")]
    public string ShopUrl { get; set; } = "https://demo.store";

    /// <summary>The postal address in every email's footer (anti-spam laws such as CAN-SPAM require one in marketing email).</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Brand:PostalAddress is required (marketing email must show a postal address).")]
    [StringLength(300, ErrorMessage = "Brand:PostalAddress must be at most 300 characters.")]
    public string PostalAddress { get; set; } = "Demo Store, 1 Example Street, Springfield";
}
