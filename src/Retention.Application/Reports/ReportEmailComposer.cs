using System.Globalization;
using System.Text;
using Retention.Application.Email;
using Retention.Domain.Cohorts;
using Retention.Domain.Customers;
using Retention.Domain.Metrics;
using Retention.Domain.Models;
using Retention.Domain.Rewards;

namespace Retention.Application.Reports;

/// <summary>
/// Writes the nightly report email: a subject with the headline number, HTML that email clients render (tables,
/// inline styles, <c>bgcolor</c>, no CSS files or scripts, 640 px wide, readable without images), a plain-text
/// alternative, the retention-curve chart inline (Content-ID <see cref="ChartContentId"/>) and the cohort table as CSV.
/// When the snapshot has programme results, a section compares each programme with its holdout (<see cref="ProgrammeLine"/>);
/// when it has the customer-base models, a section lists the valuable customers most at risk (ids only) with one line on
/// the model, or the reason there is none.
/// Numbers and dates follow <see cref="ReportEmailOptions.Locale"/>; right-to-left locales get <c>dir="rtl"</c>.
/// </summary>
public static class ReportEmailComposer
{
    public const string ChartContentId = "retention-curves@retention";
    public const int HeatmapCohorts = 12;
    public const int ChartCohorts = 6;
    private const string Font = "font-family:Segoe UI,Helvetica,Arial,sans-serif;";

    /// <summary>The cohorts the chart shows: the latest six whose month 1 is complete, with their complete months.</summary>
    public static IReadOnlyList<RetentionCurve> ChartCurves(RetentionSnapshot snapshot)
    {
        var table = snapshot.Monthly;
        return [.. table.Rows
            .Where(r => r.Size > 0 && r.On.Length > 1 && !table.IsInProgress(r, 1))
            .TakeLast(ChartCohorts)
            .Select(r => new RetentionCurve(r.Cohort.Label, [.. Enumerable.Range(0, r.On.Length)
                .Where(k => !table.IsInProgress(r, k))
                .Select(k => CohortRow.Percent(r.On[k], r.Size)!.Value)]))];
    }

    public static EmailMessage Compose(RetentionSnapshot snapshot, ReportEmailOptions options, EmailAddress from, IReadOnlyList<EmailAddress> to, byte[]? chartPng)
    {
        var culture = options.Culture();
        var facts = Facts.From(snapshot, options, culture);
        var csv = ReportRenderer.Csv(snapshot, new ReportOptions(Granularity.Month, RetentionMode.On, ReportValues.Percent));
        var attachments = new List<EmailAttachment>
        {
            new($"retention-{snapshot.AsOf:yyyy-MM-dd}.csv", "text/csv", Encoding.UTF8.GetBytes(csv)),
        };
        if (chartPng is not null)
        {
            attachments.Insert(0, new EmailAttachment("retention-curves.png", "image/png", chartPng, ChartContentId));
        }
        return new EmailMessage(from, to, facts.Subject, Html(snapshot, options, culture, facts, chartPng is not null), Text(snapshot, culture, facts), attachments,
            $"report:{snapshot.AsOf:yyyy-MM-dd}");
    }

    /// <summary>
    /// The report email's HTML as a page to open in a browser: the chart embedded as a data URI instead of an attachment.
    /// </summary>
    public static string Page(RetentionSnapshot snapshot, ReportEmailOptions options, byte[]? chartPng)
    {
        var culture = options.Culture();
        var facts = Facts.From(snapshot, options, culture);
        var html = Html(snapshot, options, culture, facts, chartPng is not null);
        return chartPng is null ? html : html.Replace("cid:" + ChartContentId, "data:image/png;base64," + Convert.ToBase64String(chartPng), StringComparison.Ordinal);
    }

    private static string Html(RetentionSnapshot snapshot, ReportEmailOptions options, CultureInfo culture, Facts facts, bool withChart)
    {
        var rtl = culture.TextInfo.IsRightToLeft;
        var html = new StringBuilder(16_000);
        html.Append("<!DOCTYPE html><html lang=\"").Append(Encode(culture.Name)).Append("\" dir=\"").Append(rtl ? "rtl" : "ltr").Append("\"><head>")
            .Append("<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(Encode(facts.Subject)).Append("</title></head>")
            .Append("<body style=\"margin:0;padding:0;background-color:#f3f5f7;\">")
            .Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" bgcolor=\"#f3f5f7\"><tr><td align=\"center\" style=\"padding:16px 8px;\">")
            .Append("<table role=\"presentation\" width=\"640\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" bgcolor=\"#ffffff\" style=\"width:100%;max-width:640px;border:1px solid #e1e6eb;\">");

        // Heading
        html.Append("<tr><td style=\"padding:20px 24px 4px;").Append(Font).Append("\">")
            .Append("<div style=\"font-size:13px;color:#52606d;\">").Append(Encode(options.StoreName)).Append(" · retention report</div>")
            .Append("<div style=\"font-size:22px;font-weight:bold;color:#1f2933;padding-top:4px;\">Are customers coming back?</div>")
            .Append("<div style=\"font-size:13px;color:#52606d;padding-top:4px;\">As of the end of ")
            .Append(Encode(snapshot.AsOf.ToString("D", culture))).Append(" (").Append(Encode(snapshot.TimeZone)).Append(")</div>")
            .Append("</td></tr>");

        // KPI tiles, three per row
        html.Append("<tr><td style=\"padding:12px 16px 4px;\"><table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"8\" border=\"0\">");
        for (var i = 0; i < facts.Tiles.Count; i++)
        {
            if (i % 3 == 0)
            {
                html.Append("<tr>");
            }
            var tile = facts.Tiles[i];
            html.Append("<td width=\"33%\" valign=\"top\" bgcolor=\"#f8fafc\" style=\"border:1px solid #e1e6eb;padding:10px 12px;").Append(Font).Append("\">")
                .Append("<div style=\"font-size:12px;color:#52606d;\">").Append(Encode(tile.Label)).Append("</div>")
                .Append("<div style=\"font-size:22px;font-weight:bold;color:#1f2933;padding:2px 0;\">").Append(Encode(tile.Value)).Append("</div>")
                .Append("<div style=\"font-size:12px;color:").Append(tile.Trend switch { > 0 => "#1a7f37", < 0 => "#b42318", _ => "#52606d" }).Append(";\">")
                .Append(Encode(tile.Change)).Append("</div>");
            if (tile.Note is not null)
            {
                html.Append("<div style=\"font-size:11px;color:#7b8794;padding-top:2px;\">").Append(Encode(tile.Note)).Append("</div>");
            }
            html.Append("</td>");
            if (i % 3 == 2 || i == facts.Tiles.Count - 1)
            {
                html.Append("</tr>");
            }
        }
        html.Append("</table></td></tr>");

        // What changed
        html.Append("<tr><td style=\"padding:8px 24px;").Append(Font).Append("\">")
            .Append("<div style=\"font-size:15px;font-weight:bold;color:#1f2933;padding-bottom:4px;\">What changed</div><ul style=\"margin:0;padding-")
            .Append(rtl ? "right" : "left").Append(":20px;font-size:14px;color:#1f2933;line-height:1.5;\">");
        foreach (var line in facts.Changes)
        {
            html.Append("<li>").Append(Encode(line)).Append("</li>");
        }
        html.Append("</ul></td></tr>");

        // Chart
        if (withChart)
        {
            html.Append("<tr><td style=\"padding:8px 24px;\"><img src=\"cid:").Append(ChartContentId).Append("\" width=\"592\" alt=\"")
                .Append(Encode(facts.ChartAlt)).Append("\" style=\"display:block;width:100%;max-width:592px;height:auto;border:0;").Append(Font)
                .Append("font-size:13px;color:#52606d;\"></td></tr>");
        }

        // Heatmap of the last 12 monthly cohorts
        var table = snapshot.Monthly;
        var rows = table.Rows.TakeLast(HeatmapCohorts).ToList();
        var width = rows.Count == 0 ? 0 : rows[0].On.Length;
        html.Append("<tr><td style=\"padding:8px 24px;").Append(Font).Append("\">")
            .Append("<div style=\"font-size:15px;font-weight:bold;color:#1f2933;padding-bottom:4px;\">Monthly cohorts: % buying again</div>")
            .Append("<table role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"border-collapse:collapse;font-size:11px;\">")
            .Append("<tr><td style=\"").Append(HeatHead).Append("\">Cohort</td><td style=\"").Append(HeatHead).Append("\">Size</td>");
        for (var k = 0; k < width; k++)
        {
            html.Append("<td align=\"center\" style=\"").Append(HeatHead).Append("\">").Append(k.ToString(culture)).Append("</td>");
        }
        html.Append("</tr>");
        foreach (var row in rows)
        {
            html.Append("<tr><td style=\"").Append(HeatCell).Append("white-space:nowrap;\">").Append(Encode(MonthLabel(row.Cohort, culture))).Append("</td>")
                .Append("<td align=\"right\" style=\"").Append(HeatCell).Append("\">").Append(row.Size.ToString("N0", culture)).Append("</td>");
            for (var k = 0; k < width; k++)
            {
                if (k >= row.On.Length)
                {
                    html.Append("<td style=\"").Append(HeatCell).Append("\"></td>");
                    continue;
                }
                var percent = CohortRow.Percent(row.On[k], row.Size);
                var inProgress = table.IsInProgress(row, k);
                var colour = inProgress ? "#ffffff" : ReportRenderer.HeatColour(k == 0 ? null : percent);
                html.Append("<td align=\"right\" bgcolor=\"").Append(colour).Append("\" style=\"").Append(HeatCell)
                    .Append(inProgress ? "font-style:italic;color:#7b8794;" : (percent > 35 && k > 0 ? "color:#ffffff;" : "color:#1f2933;")).Append("\">")
                    .Append(Encode(FormatPercent(percent, culture, decimals: 0))).Append(inProgress ? "*" : "").Append("</td>");
            }
            html.Append("</tr>");
        }
        html.Append("</table><div style=\"font-size:11px;color:#7b8794;padding-top:4px;\">* month still in progress. Column k: months after the first purchase. The full table is attached as CSV.</div></td></tr>");

        // Programmes against the holdout
        var programmes = ProgrammeLines(snapshot, culture);
        if (programmes.Count > 0)
        {
            html.Append("<tr><td style=\"padding:8px 24px;").Append(Font).Append("\">")
                .Append("<div style=\"font-size:15px;font-weight:bold;color:#1f2933;padding-bottom:4px;\">").Append(ProgrammesHeading).Append("</div>")
                .Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"border-collapse:collapse;font-size:12px;\"><tr>");
            foreach (var heading in ProgrammeLine.Headings)
            {
                html.Append("<td style=\"").Append(HeatHead).Append("\">").Append(Encode(heading)).Append("</td>");
            }
            html.Append("</tr>");
            foreach (var line in programmes)
            {
                html.Append("<tr><td style=\"").Append(HeatCell).Append("color:#1f2933;\">").Append(Encode(line.Programme)).Append("</td>");
                foreach (var number in (string[])[line.Decided, line.Sent, line.HeldOut, line.TreatedRate, line.HoldoutRate, line.Uplift])
                {
                    html.Append("<td align=\"right\" style=\"").Append(HeatCell).Append("color:#1f2933;white-space:nowrap;\">").Append(Encode(number)).Append("</td>");
                }
                html.Append("<td style=\"").Append(HeatCell).Append("font-weight:bold;white-space:nowrap;color:")
                    .Append(line.Verdict switch { UpliftVerdict.Works => "#1a7f37", UpliftVerdict.Hurts => "#b42318", _ => "#52606d" }).Append(";\">")
                    .Append(Encode(line.VerdictWords)).Append("</td></tr>");
            }
            html.Append("</table><div style=\"font-size:11px;color:#7b8794;padding-top:4px;\">").Append(Encode(ProgrammesNote)).Append("</div></td></tr>");
        }

        // Customer-base models: the at-risk list
        if (snapshot.Models is { } models)
        {
            html.Append("<tr><td style=\"padding:8px 24px;").Append(Font).Append("\">")
                .Append("<div style=\"font-size:15px;font-weight:bold;color:#1f2933;padding-bottom:4px;\">").Append(AtRiskHeading).Append("</div>")
                .Append("<div style=\"font-size:13px;color:#1f2933;padding-bottom:6px;\">").Append(Encode(ModelLine(models, snapshot.Currency, culture))).Append("</div>");
            if (models.Fitted && !models.AtRisk.IsDefaultOrEmpty)
            {
                html.Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"border-collapse:collapse;font-size:12px;\"><tr>");
                foreach (var heading in AtRiskHeadings)
                {
                    html.Append("<td style=\"").Append(HeatHead).Append("\">").Append(Encode(heading)).Append("</td>");
                }
                html.Append("</tr>");
                foreach (var customer in models.AtRisk)
                {
                    html.Append("<tr><td style=\"").Append(HeatCell).Append("color:#1f2933;\">").Append(Encode(customer.CustomerId.Value)).Append("</td>");
                    foreach (var value in AtRiskValues(customer, culture))
                    {
                        html.Append("<td align=\"right\" style=\"").Append(HeatCell).Append("color:#1f2933;white-space:nowrap;\">").Append(Encode(value)).Append("</td>");
                    }
                    html.Append("</tr>");
                }
                html.Append("</table>");
            }
            html.Append("<div style=\"font-size:11px;color:#7b8794;padding-top:4px;\">").Append(Encode(AtRiskNote(models, snapshot.Currency))).Append("</div></td></tr>");
        }

        // Footer
        html.Append("<tr><td style=\"padding:12px 24px 20px;border-top:1px solid #e1e6eb;").Append(Font).Append("font-size:11px;color:#7b8794;\">")
            .Append("Retention rate = (customers active at the end − new customers) ÷ customers active at the start of the period; active = bought in the last ")
            .Append(snapshot.Metrics.ActivityWindowDays.ToString(culture)).Append(" days. Refunded, cancelled and test orders do not count. ");
        if (options.DefinitionsUrl.Length > 0)
        {
            html.Append("<a href=\"").Append(Encode(options.DefinitionsUrl)).Append("\" style=\"color:#2f6fb5;\">How every number is defined</a>. ");
        }
        else
        {
            html.Append("Every number is defined in docs/metrics.md. ");
        }
        html.Append("Days and months in ").Append(Encode(snapshot.TimeZone)).Append("; revenue in ").Append(Encode(snapshot.Currency)).Append('.')
            .Append("</td></tr></table></td></tr></table></body></html>");
        return html.ToString();
    }

    private static string Text(RetentionSnapshot snapshot, CultureInfo culture, Facts facts)
    {
        var text = new StringBuilder();
        text.Append(facts.Subject).Append("\n\nAs of the end of ").Append(snapshot.AsOf.ToString("D", culture)).Append(" (").Append(snapshot.TimeZone).Append(")\n\n");
        foreach (var tile in facts.Tiles)
        {
            text.Append(tile.Label).Append(": ").Append(tile.Value).Append(" (").Append(tile.Change).Append(')');
            if (tile.Note is not null)
            {
                text.Append(", ").Append(tile.Note);
            }
            text.Append('\n');
        }
        text.Append("\nWhat changed\n");
        foreach (var line in facts.Changes)
        {
            text.Append("- ").Append(line).Append('\n');
        }
        text.Append("\nMonthly cohorts, % buying again k months after the first purchase (* in progress)\n");
        var table = snapshot.Monthly;
        foreach (var row in table.Rows.TakeLast(HeatmapCohorts))
        {
            text.Append(MonthLabel(row.Cohort, culture).PadRight(10)).Append(row.Size.ToString("N0", culture).PadLeft(8));
            for (var k = 0; k < row.On.Length; k++)
            {
                text.Append(' ').Append((FormatPercent(CohortRow.Percent(row.On[k], row.Size), culture, 0) + (table.IsInProgress(row, k) ? "*" : "")).PadLeft(5));
            }
            text.Append('\n');
        }
        var programmes = ProgrammeLines(snapshot, culture);
        if (programmes.Count > 0)
        {
            text.Append('\n').Append(ProgrammesHeading).Append('\n');
            foreach (var line in programmes)
            {
                text.Append("- ").Append(line.Programme).Append(": ").Append(line.VerdictWords).Append(". Decided ").Append(line.Decided)
                    .Append(", sent ").Append(line.Sent).Append(", held out ").Append(line.HeldOut).Append("; converted ").Append(line.TreatedRate)
                    .Append(" (treated) vs ").Append(line.HoldoutRate).Append(" (holdout); uplift ").Append(line.Uplift).Append('\n');
            }
            text.Append(ProgrammesNote).Append('\n');
        }
        if (snapshot.Models is { } models)
        {
            text.Append('\n').Append(AtRiskHeading).Append('\n').Append(ModelLine(models, snapshot.Currency, culture)).Append('\n');
            if (models.Fitted)
            {
                foreach (var customer in models.AtRisk.IsDefault ? [] : models.AtRisk)
                {
                    var values = AtRiskValues(customer, culture);
                    text.Append("- ").Append(customer.CustomerId.Value).Append(": probability alive ").Append(values[0]).Append(", last purchase ").Append(values[1])
                        .Append(", 12-month value ").Append(values[2]).Append(", value lost ").Append(values[3]).Append('\n');
                }
            }
            text.Append(AtRiskNote(models, snapshot.Currency)).Append('\n');
        }
        text.Append("\nThe full table is attached as CSV. Definitions: docs/metrics.md.\n");
        return text.ToString();
    }

    private const string ProgrammesHeading = "Did the reward and reminder emails work?";

    private static readonly string ProgrammesNote =
        "Converted: bought within the conversion window after the decision, counting decisions old enough for the window to have ended. " +
        "Treated: every decision for a customer outside the holdout, sent or not; holdout: a fixed share of customers who never get these emails. " +
        "Uplift: treated minus holdout, in percentage points, with its 95 % interval. " +
        "Verdict: \"works\" when the whole interval is above 0, \"hurts\" when it is below 0, \"no effect shown\" when it includes 0, " +
        $"\"too early\" until each group has {ProgrammeVerdict.MinimumMatured} decisions old enough.";

    private static List<ProgrammeLine> ProgrammeLines(RetentionSnapshot snapshot, CultureInfo culture) =>
        snapshot.Programmes.IsDefault ? [] : [.. snapshot.Programmes.Select(p => ProgrammeLine.From(p, culture))];

    private const string AtRiskHeading = "Valuable customers at risk";

    private static readonly string[] AtRiskHeadings = ["Customer", "Probability alive", "Last purchase", "12-month value", "Value lost"];

    /// <summary>One line: the store-level predictions and the model's parameters, or why there is no model.</summary>
    internal static string ModelLine(CustomerModelSummary models, string currency, CultureInfo culture)
    {
        if (!models.Fitted)
        {
            return $"No model yet: {models.Reason} Win-back follows the rules until then.";
        }
        var line = new StringBuilder();
        line.Append(models.Customers.ToString("N0", culture)).Append(" customers, ").Append(models.RepeatCustomers.ToString("N0", culture)).Append(" bought again");
        if (models.ExpectedPurchases30Days is { } next30)
        {
            line.Append("; about ").Append(next30.ToString("N0", culture)).Append(" purchases expected in the next 30 days");
        }
        if (models.TotalClv12Months is { } clv)
        {
            line.Append("; 12-month value ").Append(clv.ToString("N0", culture)).Append(' ').Append(currency);
        }
        if (models.CustomersBelowThreshold is { } below)
        {
            line.Append("; ").Append(below.ToString("N0", culture)).Append(" below ").Append(FormatPercent(models.ProbabilityAliveThreshold * 100, culture, 0))
                .Append(" probability alive");
        }
        line.Append(". BG/NBD r ").Append(Parameter(models.R, culture)).Append(", α ").Append(Parameter(models.Alpha, culture)).Append(" weeks, a ")
            .Append(Parameter(models.A, culture)).Append(", b ").Append(Parameter(models.B, culture));
        if (models.P is not null)
        {
            line.Append("; Gamma-Gamma p ").Append(Parameter(models.P, culture)).Append(", q ").Append(Parameter(models.Q, culture)).Append(", γ ")
                .Append(Parameter(models.Gamma, culture));
        }
        return line.Append('.').ToString();
    }

    private static string[] AtRiskValues(AtRiskCustomer customer, CultureInfo culture) =>
    [
        FormatPercent(customer.ProbabilityAlive * 100, culture, 0),
        customer.LastPurchase.ToString("d", culture),
        customer.Clv12Months.ToString("N2", culture),
        customer.ValueLost.ToString("N2", culture),
    ];

    private static string AtRiskNote(CustomerModelSummary models, string currency) => models.Fitted
        ? $"Probability alive: the chance the customer still buys from the store (BG/NBD). 12-month value: the purchases expected in the next 12 months, " +
          $"discounted at {(models.AnnualDiscountRate * 100).ToString("0.#", CultureInfo.InvariantCulture)} % a year, in {currency}. " +
          "Value lost: what they would be worth if still a customer, times the chance they are gone. Definitions: docs/models.md."
        : "The model needs enough customers who bought more than once; docs/models.md explains it.";

    private static string Parameter(double? value, CultureInfo culture) => value is { } v ? v.ToString("0.###", culture) : "–";

    private const string HeatHead = "border:1px solid #e1e6eb;padding:3px 5px;background-color:#f0f4f8;color:#52606d;";
    private const string HeatCell = "border:1px solid #e1e6eb;padding:3px 5px;";

    internal static string FormatPercent(double? value, CultureInfo culture, int decimals = 1) =>
        value is { } v ? v.ToString(decimals == 0 ? "0" : "0.0", culture) + " %" : "–";

    private static string MonthLabel(Period month, CultureInfo culture) =>
        month.Start.ToString("MMM yyyy", culture);

    // Escapes markup characters only: letters of every script stay readable in the source (and in diff-able tests).
    private static readonly System.Text.Encodings.Web.HtmlEncoder Html5 = System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    private static string Encode(string text) => Html5.Encode(text);

    /// <summary>The numbers and sentences the email shows, computed once for HTML and text.</summary>
    private sealed record Facts(string Subject, IReadOnlyList<Tile> Tiles, IReadOnlyList<string> Changes, string ChartAlt)
    {
        public static Facts From(RetentionSnapshot snapshot, ReportEmailOptions options, CultureInfo culture)
        {
            var metrics = snapshot.Metrics;
            var month = metrics.Window("month");
            var previous = metrics.Window("previousMonth");
            var crrChange = month.RetentionRate - previous.RetentionRate;
            var monthName = snapshot.AsOf.ToString("MMM yyyy", culture);
            var subject = month.RetentionRate is { } crr
                ? $"Retention {FormatPercent(crr, culture, 0)}{(crrChange is { } d ? $" ({Points(d, culture)})" : "")} — {metrics.ActiveCustomers.ToString("N0", culture)} active customers — {monthName}"
                : $"Retention report — {metrics.ActiveCustomers.ToString("N0", culture)} active customers — {monthName}";

            var aovFirstChange = month.AverageFirstOrderValue - previous.AverageFirstOrderValue;
            var aovRepeatChange = month.AverageRepeatOrderValue - previous.AverageRepeatOrderValue;
            var activeChange = metrics.ActiveCustomers - metrics.PreviousMonthEnd.ActiveCustomers;
            var tiles = new List<Tile>
            {
                new("Retention rate, month to date", FormatPercent(month.RetentionRate, culture), Change(crrChange, culture, "last month"), Sign(crrChange),
                    month.RetentionRate is { } r ? $"{(r >= options.BenchmarkRetentionRate ? "Above" : "Below")} the {FormatPercent(options.BenchmarkRetentionRate, culture, 0)} benchmark" : "No customers active at the start of the month"),
                new("Repeat purchase rate", FormatPercent(metrics.RepeatPurchaseRate, culture),
                    Change(metrics.RepeatPurchaseRate - metrics.PreviousMonthEnd.RepeatPurchaseRate, culture, "end of last month"), Sign(metrics.RepeatPurchaseRate - metrics.PreviousMonthEnd.RepeatPurchaseRate), null),
                new("Revenue from returning customers", FormatPercent(month.ReturningRevenueShare, culture),
                    Change(month.ReturningRevenueShare - previous.ReturningRevenueShare, culture, "last month"), Sign(month.ReturningRevenueShare - previous.ReturningRevenueShare), null),
                new("Active customers", metrics.ActiveCustomers.ToString("N0", culture),
                    $"{(activeChange >= 0 ? "+" : "−")}{Math.Abs(activeChange).ToString("N0", culture)} vs end of last month", Math.Sign(activeChange),
                    $"Bought in the last {metrics.ActivityWindowDays.ToString(culture)} days"),
                new("Average order, first / repeat", $"{Money(month.AverageFirstOrderValue, culture)} / {Money(month.AverageRepeatOrderValue, culture)}",
                    $"{MoneyChange(aovFirstChange, culture)} / {MoneyChange(aovRepeatChange, culture)} vs last month", Math.Sign(aovRepeatChange ?? 0), snapshot.Currency),
                new("New customers this month", month.New.ToString("N0", culture), $"{previous.New.ToString("N0", culture)} last month", 0,
                    $"{metrics.Customers.ToString("N0", culture)} customers in all"),
            };
            return new Facts(subject, tiles, WhatChanged(snapshot, options, culture), DescribeChart(snapshot, culture));
        }

        private static List<string> WhatChanged(RetentionSnapshot snapshot, ReportEmailOptions options, CultureInfo culture)
        {
            var metrics = snapshot.Metrics;
            var month = metrics.Window("month");
            var previous = metrics.Window("previousMonth");
            var lines = new List<string>();
            if (metrics.Customers == 0)
            {
                lines.Add("No counted purchases yet: this report fills in as orders arrive.");
                return lines;
            }
            if (month.RetentionRate is { } crr)
            {
                var change = crr - previous.RetentionRate;
                var verb = change switch { null => "is", > 0.05 => $"rose {Math.Abs(change.Value).ToString("0.0", culture)} points to", < -0.05 => $"fell {Math.Abs(change.Value).ToString("0.0", culture)} points to", _ => "held at" };
                lines.Add($"The retention rate {verb} {FormatPercent(crr, culture)} this month, {(crr >= options.BenchmarkRetentionRate ? "above" : "below")} the {FormatPercent(options.BenchmarkRetentionRate, culture, 0)} benchmark.");
            }
            var table = snapshot.Monthly;
            var latest = table.Rows.LastOrDefault(r => r.Size > 0 && r.On.Length > 1 && !table.IsInProgress(r, 1));
            if (latest is not null && table.WeightedMean(1, RetentionMode.On) is { } mean)
            {
                var percent = CohortRow.Percent(latest.On[1], latest.Size)!.Value;
                lines.Add($"Customers who first bought in {MonthLabel(latest.Cohort, culture)} came back at {FormatPercent(percent, culture)} the month after, {(percent >= mean ? "above" : "below")} the {FormatPercent(mean, culture)} average of all cohorts.");
            }
            if (month.ReturningRevenueShare is { } share)
            {
                lines.Add($"Returning customers brought {FormatPercent(share, culture)} of this month's revenue{(previous.ReturningRevenueShare is { } before ? $" (last month {FormatPercent(before, culture)})" : "")}.");
            }
            var activeChange = metrics.ActiveCustomers - metrics.PreviousMonthEnd.ActiveCustomers;
            lines.Add($"{metrics.ActiveCustomers.ToString("N0", culture)} customers are active, {(activeChange >= 0 ? "up" : "down")} {Math.Abs(activeChange).ToString("N0", culture)} since the end of last month; {month.New.ToString("N0", culture)} bought for the first time this month.");
            return lines;
        }

        private static string DescribeChart(RetentionSnapshot snapshot, CultureInfo culture)
        {
            var curves = ChartCurves(snapshot);
            if (curves.Count == 0)
            {
                return "Retention curves: no cohort has a complete second month yet.";
            }
            var parts = curves.Select(c => $"{MonthLabel(Period.Parse(c.Label), culture)} {FormatPercent(c.Percent.Count > 1 ? c.Percent[1] : null, culture, 0)}");
            return $"Retention curves of the last {curves.Count} monthly cohorts. Share buying again one month after their first purchase: {string.Join(", ", parts)}.";
        }

        private static string Points(double change, CultureInfo culture) => (change >= 0 ? "+" : "−") + Math.Abs(change).ToString("0.0", culture) + " pts";

        private static string Change(double? change, CultureInfo culture, string against) =>
            change is { } c ? $"{Points(c, culture)} vs {against}" : $"no comparison with {against}";

        private static int Sign(double? change) => change is { } c && Math.Abs(c) >= 0.05 ? Math.Sign(c) : 0;

        private static string Money(decimal? amount, CultureInfo culture) => amount is { } a ? a.ToString("N2", culture) : "–";

        private static string MoneyChange(decimal? change, CultureInfo culture) =>
            change is { } c ? (c >= 0 ? "+" : "−") + Math.Abs(c).ToString("N2", culture) : "–";
    }

    private sealed record Tile(string Label, string Value, string Change, int Trend, string? Note);
}
