using System.ComponentModel.DataAnnotations;
using NCrontab;

namespace Retention.Api.Hosting;

/// <summary>
/// Settings under <c>Dispatch</c>: when the email dispatcher runs. The schedule is NCRONTAB with seconds (UTC), read
/// by the Functions timer (<c>%Dispatch:Schedule%</c>) and by the local host. Every minute by default: with
/// <c>Messages:BudgetPerRun</c> emails per run, that is the send rate.
/// </summary>
public sealed class DispatchOptions : IValidatableObject
{
    public const string Section = "Dispatch";

    [Required(AllowEmptyStrings = false)]
    public string Schedule { get; set; } = "0 * * * * *";

    /// <summary>Whether the local host runs the dispatcher (<c>retention up</c> does; tests run it by hand).</summary>
    public bool RunOnLocalHost { get; set; } = true;

    public CrontabSchedule ParseSchedule() => CrontabSchedule.Parse(Schedule, new CrontabSchedule.ParseOptions { IncludingSeconds = true });

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (CrontabSchedule.TryParse(Schedule, new CrontabSchedule.ParseOptions { IncludingSeconds = true }) is null)
        {
            yield return new ValidationResult(
                $"Dispatch:Schedule '{Schedule}' is not an NCRONTAB expression with six fields (second minute hour day month weekday), such as 0 * * * * *.",
                [nameof(Schedule)]);
        }
    }
}
