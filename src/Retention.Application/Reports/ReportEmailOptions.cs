using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Retention.Application.Reports;

/// <summary>Settings under <c>Report</c>: who gets the nightly report email and how it is written.</summary>
public sealed class ReportEmailOptions : IValidatableObject
{
    public const string Section = "Report";

    /// <summary>Recipients, comma- or semicolon-separated. Empty: no report email (the nightly job logs that it skipped it).</summary>
    public string Recipients { get; set; } = "";

    /// <summary>Culture for numbers and dates in the email (e.g. <c>de-DE</c>, <c>en-GB</c>, <c>ar-SA</c>).</summary>
    public string Locale { get; set; } = "en-US";

    /// <summary>The customer retention rate the month is compared with, in percent.</summary>
    [Range(0, 100, ErrorMessage = "Report:BenchmarkRetentionRate must be a percentage from 0 to 100.")]
    public double BenchmarkRetentionRate { get; set; } = 35;

    /// <summary>The store's name, shown at the top of the email.</summary>
    [StringLength(100, ErrorMessage = "Report:StoreName must be at most 100 characters.")]
    public string StoreName { get; set; } = "Your store";

    /// <summary>Where the footer's "how numbers are defined" link points (an absolute URL); empty: plain text.</summary>
    public string DefinitionsUrl { get; set; } = "";

    public CultureInfo Culture() => CultureInfo.GetCultureInfo(Locale);

    public IEnumerable<Domain.Customers.EmailAddress> RecipientAddresses() =>
        Recipients.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Domain.Customers.EmailAddress.Parse);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var recipient in Recipients.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Domain.Customers.EmailAddress.TryParse(recipient, out _, out var error))
            {
                yield return new ValidationResult($"Report:Recipients holds an entry that {error.Reason}.", [nameof(Recipients)]);
            }
        }
        CultureInfo? culture = null;
        try
        {
            culture = CultureInfo.GetCultureInfo(Locale, predefinedOnly: true);
        }
        catch (CultureNotFoundException)
        {
        }
        if (culture is null)
        {
            yield return new ValidationResult($"Report:Locale '{Locale}' is not a known culture (such as en-US, de-DE, fr-FR).", [nameof(Locale)]);
        }
        if (DefinitionsUrl.Length > 0 && !(Uri.TryCreate(DefinitionsUrl, UriKind.Absolute, out var url) && url.Scheme is "https" or "http"))
        {
            yield return new ValidationResult("Report:DefinitionsUrl must be an absolute http(s) URL or empty.", [nameof(DefinitionsUrl)]);
        }
    }
}
