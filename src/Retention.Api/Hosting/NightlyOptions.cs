using System.ComponentModel.DataAnnotations;
using NCrontab;

namespace Retention.Api.Hosting;

/// <summary>
/// Settings under <c>Nightly</c>. The schedule is an NCRONTAB expression with seconds, in UTC, read by the Functions
/// timer (<c>%Nightly:Schedule%</c>) and by the local host alike. The default, 02:00 UTC, is 02:00 for a UTC store;
/// for another zone write 02:00 local in UTC (Europe/Berlin: <c>0 0 1 * * *</c> in winter).
/// </summary>
public sealed class NightlyOptions : IValidatableObject
{
    public const string Section = "Nightly";

    [Required(AllowEmptyStrings = false)]
    public string Schedule { get; set; } = "0 0 2 * * *";

    /// <summary>Whether the local host runs the schedule (<c>retention up</c> does; tests turn it off).</summary>
    public bool RunOnLocalHost { get; set; } = true;

    public CrontabSchedule ParseSchedule() => CrontabSchedule.Parse(Schedule, new CrontabSchedule.ParseOptions { IncludingSeconds = true });

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (CrontabSchedule.TryParse(Schedule, new CrontabSchedule.ParseOptions { IncludingSeconds = true }) is null)
        {
            yield return new ValidationResult(
                $"Nightly:Schedule '{Schedule}' is not an NCRONTAB expression with six fields (second minute hour day month weekday), such as 0 0 2 * * *.",
                [nameof(Schedule)]);
        }
    }
}
