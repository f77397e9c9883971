using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Retention.Domain.Cohorts;
using Retention.Domain.Models;
using Retention.Domain.Rewards;

namespace Retention.Application.Reports;

/// <summary>
/// Renders a snapshot's cohort table as CSV, JSON or a standalone HTML page. Percentages have one decimal;
/// all formats use invariant culture so files compare and parse the same everywhere.
/// </summary>
public static class ReportRenderer
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static CohortTable TableOf(RetentionSnapshot snapshot, ReportOptions options) =>
        options.Period == Granularity.Month ? snapshot.Monthly : snapshot.Weekly;

    /// <summary>The value shown in a cell, formatted; empty for an empty cohort's percentage.</summary>
    public static string Cell(CohortRow row, int k, ReportOptions options)
    {
        var count = CohortTable.Count(row, k, options.Mode);
        return options.Values == ReportValues.Count ? count.ToString(CultureInfo.InvariantCulture) : Percent(CohortRow.Percent(count, row.Size));
    }

    public static string Percent(double? value) => value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) : "";

    /// <summary>
    /// One row per cohort: <c>cohort,size,0,1,2,...</c>. Cells past the as-of period are empty. In-progress cells carry
    /// their current value (the JSON and HTML formats flag them; CSV stays plain numbers for spreadsheets).
    /// </summary>
    public static string Csv(RetentionSnapshot snapshot, ReportOptions options)
    {
        var table = TableOf(snapshot, options);
        var width = table.MaxOffset + 1;
        var csv = new StringBuilder();
        csv.Append("cohort,size");
        for (var k = 0; k < width; k++)
        {
            csv.Append(',').Append(k.ToString(CultureInfo.InvariantCulture));
        }
        csv.Append('\n');
        foreach (var row in table.Rows)
        {
            csv.Append(row.Cohort.Label).Append(',').Append(row.Size.ToString(CultureInfo.InvariantCulture));
            for (var k = 0; k < width; k++)
            {
                csv.Append(',');
                if (k < row.On.Length)
                {
                    csv.Append(Cell(row, k, options));
                }
            }
            csv.Append('\n');
        }
        return csv.ToString();
    }

    /// <summary>
    /// The cohort table, the metrics and, per programme, its uplift against the holdout (<c>programmes</c>): counts,
    /// <c>treatedRatePercent</c> and <c>holdoutRatePercent</c> in percent, <c>upliftPoints</c> and its 95 % interval
    /// <c>upliftLowPoints</c>..<c>upliftHighPoints</c> in percentage points, all with one decimal (null when a group has no
    /// matured decision), and <c>verdict</c>: <c>works</c>, <c>no-effect-shown</c>, <c>hurts</c> or <c>too-early</c>.
    /// <c>models</c> (null when the snapshot has none) is the customer-base models' summary (<see cref="ModelsDocument"/>).
    /// </summary>
    public static string JsonDocument(RetentionSnapshot snapshot, ReportOptions options)
    {
        var table = TableOf(snapshot, options);
        var document = new
        {
            asOf = snapshot.AsOf,
            timeZone = snapshot.TimeZone,
            currency = snapshot.Currency,
            period = options.Period == Granularity.Month ? "month" : "week",
            mode = options.Mode == RetentionMode.On ? "on" : "on-or-after",
            values = options.Values == ReportValues.Count ? "count" : "percent",
            current = new { period = table.Current.Label, complete = table.CurrentComplete },
            cohorts = table.Rows.Select(row => new
            {
                cohort = row.Cohort.Label,
                size = row.Size,
                values = Enumerable.Range(0, row.On.Length).Select(k => options.Values == ReportValues.Count
                    ? (object)CohortTable.Count(row, k, options.Mode)
                    : Round(CohortRow.Percent(CohortTable.Count(row, k, options.Mode), row.Size))),
                inProgressOffset = Enumerable.Range(0, row.On.Length).Where(k => table.IsInProgress(row, k)).Select(k => (int?)k).FirstOrDefault(),
                revenue = row.Revenue,
            }),
            weightedMeanPercent = Enumerable.Range(0, table.MaxOffset + 1).Select(k => Round(table.WeightedMean(k, options.Mode))),
            metrics = snapshot.Metrics,
            programmes = (snapshot.Programmes.IsDefault ? [] : snapshot.Programmes).Select(p => new
            {
                programme = p.Programme,
                decided = p.Decided,
                sent = p.Sent,
                heldOut = p.HeldOut,
                treatedMatured = p.TreatedMatured,
                treatedConverted = p.TreatedConverted,
                holdoutMatured = p.HoldoutMatured,
                holdoutConverted = p.HoldoutConverted,
                treatedRatePercent = Round(p.TreatedRate * 100),
                holdoutRatePercent = Round(p.HoldoutRate * 100),
                upliftPoints = Round(p.Uplift * 100),
                upliftLowPoints = Round(p.UpliftLow * 100),
                upliftHighPoints = Round(p.UpliftHigh * 100),
                verdict = ProgrammeVerdict.Words(ProgrammeVerdict.Of(p)).Replace(' ', '-'),
            }),
            models = ModelsDocument(snapshot.Models),
        };
        return JsonSerializer.Serialize(document, Json);
    }

    /// <summary>
    /// The report's <c>models</c> object: <c>fitted</c> and, without a fit, <c>reason</c>; the BG/NBD parameters (time in
    /// weeks) and Gamma-Gamma's (<c>gamma</c> in the store currency) unrounded, null when not fitted; store-level
    /// predictions (<c>meanProbabilityAlive</c> 0 to 1, <c>expectedPurchasesNext30Days</c>, <c>totalClv12Months</c>);
    /// and <c>atRisk</c>, the customers with the most expected value lost (ids only). Null without models.
    /// </summary>
    private static object? ModelsDocument(CustomerModelSummary? models) => models is null ? null : new
    {
        fitted = models.Fitted,
        reason = models.Reason,
        note = models.Note,
        timeUnit = "week",
        customers = models.Customers,
        repeatCustomers = models.RepeatCustomers,
        minimumRepeatCustomers = models.MinimumRepeatCustomers,
        bgNbd = new { r = models.R, alpha = models.Alpha, a = models.A, b = models.B, logLikelihood = models.LogLikelihood },
        gammaGamma = new { p = models.P, q = models.Q, gamma = models.Gamma },
        meanProbabilityAlive = models.MeanProbabilityAlive,
        expectedPurchasesNext30Days = models.ExpectedPurchases30Days,
        totalClv12Months = models.TotalClv12Months,
        annualDiscountRate = models.AnnualDiscountRate,
        probabilityAliveThreshold = models.ProbabilityAliveThreshold,
        customersBelowThreshold = models.CustomersBelowThreshold,
        atRisk = (models.AtRisk.IsDefault ? [] : models.AtRisk).Select(c => new
        {
            customerId = c.CustomerId.Value,
            probabilityAlive = c.ProbabilityAlive,
            lastPurchase = c.LastPurchase,
            clv12Months = c.Clv12Months,
            valueLost = c.ValueLost,
        }),
    };

    /// <summary>A standalone page: key numbers, then the cohort heatmap (no scripts, no external resources).</summary>
    public static string Html(RetentionSnapshot snapshot, ReportOptions options)
    {
        var table = TableOf(snapshot, options);
        var metrics = snapshot.Metrics;
        var month = metrics.Window("month");
        var html = new StringBuilder();
        var title = $"Cohort retention ({(options.Period == Granularity.Month ? "monthly" : "weekly")}, {(options.Mode == RetentionMode.On ? "on" : "on or after")}) as of {snapshot.AsOf:yyyy-MM-dd}";
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(Encode(title)).Append("</title></head>")
            .Append("<body style=\"font-family:Segoe UI,Helvetica,Arial,sans-serif;color:#1f2933;margin:24px;\">")
            .Append("<h1 style=\"font-size:20px;\">").Append(Encode(title)).Append("</h1>")
            .Append("<p style=\"color:#52606d;\">Store time zone ").Append(Encode(snapshot.TimeZone)).Append(", revenue in ").Append(Encode(snapshot.Currency))
            .Append(". Cells show ").Append(options.Values == ReportValues.Count ? "customers" : "% of the cohort")
            .Append("; <i>italic</i> cells are periods still in progress.</p>");
        html.Append("<table style=\"border-collapse:collapse;margin-bottom:16px;\"><tr>");
        Tile(html, "Customers", metrics.Customers.ToString("N0", CultureInfo.InvariantCulture));
        Tile(html, "Active customers", metrics.ActiveCustomers.ToString("N0", CultureInfo.InvariantCulture));
        Tile(html, "Repeat purchase rate", Percent(metrics.RepeatPurchaseRate) + " %");
        Tile(html, "Retention rate this month", Percent(month.RetentionRate) + " %");
        Tile(html, "Median days to 2nd purchase", metrics.MedianDaysToSecondPurchase?.ToString("0.#", CultureInfo.InvariantCulture) ?? "–");
        html.Append("</tr></table>");

        html.Append("<table style=\"border-collapse:collapse;font-size:13px;\"><tr><th style=\"").Append(HeaderStyle).Append("\">Cohort</th><th style=\"")
            .Append(HeaderStyle).Append("\">Size</th>");
        for (var k = 0; k <= table.MaxOffset; k++)
        {
            html.Append("<th style=\"").Append(HeaderStyle).Append("\">").Append(k.ToString(CultureInfo.InvariantCulture)).Append("</th>");
        }
        html.Append("</tr>");
        foreach (var row in table.Rows)
        {
            html.Append("<tr><td style=\"").Append(CellStyle).Append("\">").Append(row.Cohort.Label).Append("</td><td style=\"").Append(CellStyle)
                .Append("text-align:right;\">").Append(row.Size.ToString("N0", CultureInfo.InvariantCulture)).Append("</td>");
            for (var k = 0; k < row.On.Length; k++)
            {
                var percent = CohortRow.Percent(CohortTable.Count(row, k, options.Mode), row.Size);
                var inProgress = table.IsInProgress(row, k);
                html.Append("<td style=\"").Append(CellStyle).Append("text-align:right;background-color:").Append(HeatColour(k == 0 ? null : percent)).Append(';')
                    .Append(inProgress ? "font-style:italic;color:#7b8794;" : "").Append("\">").Append(Cell(row, k, options)).Append("</td>");
            }
            html.Append("</tr>");
        }
        html.Append("<tr><td style=\"").Append(CellStyle).Append("font-weight:bold;\">Weighted mean %</td><td style=\"").Append(CellStyle).Append("\"></td>");
        for (var k = 0; k <= table.MaxOffset; k++)
        {
            html.Append("<td style=\"").Append(CellStyle).Append("text-align:right;font-weight:bold;\">").Append(Percent(table.WeightedMean(k, options.Mode))).Append("</td>");
        }
        html.Append("</tr></table>");
        html.Append("<p style=\"color:#52606d;font-size:12px;\">Definitions: docs/metrics.md. A purchase counts when paid and not fully refunded or cancelled; test orders never count.</p>");
        html.Append("</body></html>");
        return html.ToString();
    }

    /// <summary>White at 0 %, deepening green towards 50 % and above: the range where month-on-month retention lives.</summary>
    public static string HeatColour(double? percent)
    {
        if (percent is not { } p)
        {
            return "#ffffff";
        }
        var t = Math.Clamp(p / 50.0, 0, 1);
        var r = (int)Math.Round(255 - (t * (255 - 26)));
        var g = (int)Math.Round(255 - (t * (255 - 152)));
        var b = (int)Math.Round(255 - (t * (255 - 80)));
        return string.Create(CultureInfo.InvariantCulture, $"#{r:x2}{g:x2}{b:x2}");
    }

    private const string HeaderStyle = "border:1px solid #d9e2ec;padding:4px 6px;background:#f0f4f8;";
    private const string CellStyle = "border:1px solid #d9e2ec;padding:4px 6px;";

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 1) : null;

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static void Tile(StringBuilder html, string label, string value) =>
        html.Append("<td style=\"border:1px solid #d9e2ec;padding:8px 14px;\"><div style=\"font-size:12px;color:#52606d;\">").Append(Encode(label))
            .Append("</div><div style=\"font-size:20px;font-weight:bold;\">").Append(Encode(value)).Append("</div></td>");
}
