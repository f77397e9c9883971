using System.Collections.Immutable;
using Retention.Domain.Cohorts;
using Retention.Domain.Customers;
using Retention.Domain.Metrics;
using Retention.Domain.Models;
using Retention.Domain.Rewards;

namespace Retention.Infrastructure.Storage;

/// <summary>The stored form of a <see cref="RetentionSnapshot"/> (JSON, gzip-compressed in the snapshots table).</summary>
/// <param name="Programmes">
/// Per-programme uplift. Added within version 1 as an optional member: documents written before it have none and load
/// with no programmes, so the version did not change.
/// </param>
/// <param name="Models">
/// The customer-base models' summary. Added within version 1 the same way: older documents load with null.
/// </param>
internal sealed record SnapshotDocument(
    int Version,
    DateOnly AsOf,
    string TimeZone,
    string Currency,
    SnapshotDocument.Table Monthly,
    SnapshotDocument.Table Weekly,
    StoreMetrics Metrics,
    IReadOnlyList<ProgrammeResult>? Programmes = null,
    SnapshotDocument.ModelSummary? Models = null)
{
    public const int CurrentVersion = 1;

    public sealed record Table(Granularity Granularity, DateOnly AsOf, int Current, bool CurrentComplete, ImmutableArray<Row> Rows);

    public sealed record Row(int Cohort, int Size, ImmutableArray<int> On, ImmutableArray<int> OnOrAfter, ImmutableArray<decimal> Revenue);

    /// <summary>The stored form of a <see cref="CustomerModelSummary"/> (customer ids as strings).</summary>
    public sealed record ModelSummary(
        bool Fitted,
        string? Reason,
        string? Note,
        int Customers,
        int RepeatCustomers,
        int MinimumRepeatCustomers,
        double? R,
        double? Alpha,
        double? A,
        double? B,
        double? P,
        double? Q,
        double? Gamma,
        double? LogLikelihood,
        double? MeanProbabilityAlive,
        double? ExpectedPurchases30Days,
        decimal? TotalClv12Months,
        double AnnualDiscountRate,
        double ProbabilityAliveThreshold,
        int? CustomersBelowThreshold,
        IReadOnlyList<AtRiskRow>? AtRisk)
    {
        public static ModelSummary From(CustomerModelSummary s) =>
            new(s.Fitted, s.Reason, s.Note, s.Customers, s.RepeatCustomers, s.MinimumRepeatCustomers, s.R, s.Alpha, s.A, s.B, s.P, s.Q, s.Gamma,
                s.LogLikelihood, s.MeanProbabilityAlive, s.ExpectedPurchases30Days, s.TotalClv12Months, s.AnnualDiscountRate, s.ProbabilityAliveThreshold,
                s.CustomersBelowThreshold,
                [.. s.AtRisk.Select(c => new AtRiskRow(c.CustomerId.Value, c.ProbabilityAlive, c.LastPurchase, c.Clv12Months, c.ValueLost))]);

        public CustomerModelSummary ToSummary() => new()
        {
            Fitted = Fitted,
            Reason = Reason,
            Note = Note,
            Customers = Customers,
            RepeatCustomers = RepeatCustomers,
            MinimumRepeatCustomers = MinimumRepeatCustomers,
            R = R,
            Alpha = Alpha,
            A = A,
            B = B,
            P = P,
            Q = Q,
            Gamma = Gamma,
            LogLikelihood = LogLikelihood,
            MeanProbabilityAlive = MeanProbabilityAlive,
            ExpectedPurchases30Days = ExpectedPurchases30Days,
            TotalClv12Months = TotalClv12Months,
            AnnualDiscountRate = AnnualDiscountRate,
            ProbabilityAliveThreshold = ProbabilityAliveThreshold,
            CustomersBelowThreshold = CustomersBelowThreshold,
            AtRisk = [.. (AtRisk ?? []).Select(r => new AtRiskCustomer(CustomerId.Parse(r.CustomerId), r.ProbabilityAlive, r.LastPurchase, r.Clv12Months, r.ValueLost))],
        };
    }

    public sealed record AtRiskRow(string CustomerId, double ProbabilityAlive, DateOnly LastPurchase, decimal Clv12Months, decimal ValueLost);

    public static SnapshotDocument From(RetentionSnapshot snapshot) =>
        new(CurrentVersion, snapshot.AsOf, snapshot.TimeZone, snapshot.Currency, From(snapshot.Monthly), From(snapshot.Weekly), snapshot.Metrics,
            snapshot.Programmes.IsDefaultOrEmpty ? null : [.. snapshot.Programmes],
            snapshot.Models is null ? null : ModelSummary.From(snapshot.Models));

    public RetentionSnapshot ToSnapshot() =>
        Version == CurrentVersion
            ? new RetentionSnapshot(AsOf, TimeZone, Currency, ToTable(Monthly), ToTable(Weekly), Metrics) { Programmes = [.. Programmes ?? []], Models = Models?.ToSummary() }
            : throw new InvalidDataException($"Snapshot format version {Version} is not supported.");

    private static Table From(CohortTable table) =>
        new(table.Granularity, table.AsOf, table.Current.Index, table.CurrentComplete,
            [.. table.Rows.Select(r => new Row(r.Cohort.Index, r.Size, r.On, r.OnOrAfter, r.Revenue))]);

    private static CohortTable ToTable(Table table) =>
        new(table.Granularity, table.AsOf, new Period(table.Granularity, table.Current), table.CurrentComplete,
            [.. table.Rows.Select(r => new CohortRow(new Period(table.Granularity, r.Cohort), r.Size, r.On, r.OnOrAfter, r.Revenue))]);
}
