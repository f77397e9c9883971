namespace Retention.Application.Reports;

/// <summary>What happened to a day's report email.</summary>
public enum ReportEmailStatus
{
    Sent,
    AlreadySent,
    NoRecipients,
    Failed,
}
