using System.ComponentModel.DataAnnotations;

namespace Retention.Application;

/// <summary>Settings under <c>Store</c>: the calendar and currency the metrics use.</summary>
public sealed class StoreOptions : IValidatableObject
{
    public const string Section = "Store";

    /// <summary>IANA time zone id (e.g. <c>Europe/Berlin</c>) that decides which day, week and month a purchase falls in.</summary>
    [Required(AllowEmptyStrings = false)]
    public string TimeZone { get; set; } = "UTC";

    /// <summary>The store's currency (ISO 4217). Revenue metrics count only amounts in it; other currencies still count as activity.</summary>
    [Required(AllowEmptyStrings = false)]
    [RegularExpression("^[A-Z]{3}$", ErrorMessage = "Store:Currency must be three upper-case letters (ISO 4217), such as EUR.")]
    public string Currency { get; set; } = "USD";

    /// <summary>A customer is active at the end of a day if they bought within this many days up to and including it.</summary>
    [Range(1, 3660, ErrorMessage = "Store:ActivityWindowDays must be from 1 to 3660.")]
    public int ActivityWindowDays { get; set; } = 365;

    public TimeZoneInfo ResolveTimeZone() => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            yield return new ValidationResult($"Store:TimeZone '{TimeZone}' is not a known IANA time zone id (such as UTC or Europe/Berlin).", [nameof(TimeZone)]);
        }
    }
}
