using System.Globalization;
using Retention.Domain.Cohorts;
using Spectre.Console;

namespace Retention.Cli.Commands;

/// <summary>
/// "Who will come back": the customer-base models' store-level numbers and parameters (or why there is no model), then
/// the valuable customers most at risk, below the cohort table. Nothing when the snapshot has no models.
/// </summary>
internal static class ModelsPanel
{
    public static void Write(RetentionSnapshot snapshot)
    {
        if (snapshot.Models is not { } models)
        {
            return;
        }
        var culture = CultureInfo.InvariantCulture;
        string Invariant(FormattableString text) => text.ToString(culture);
        string lines;
        if (!models.Fitted)
        {
            lines = "[yellow]No model yet:[/] " + Markup.Escape(models.Reason ?? "") + "\nWin-back follows the rules until then.";
        }
        else
        {
            lines = Invariant($"{models.Customers:N0} customers, {models.RepeatCustomers:N0} bought again. ")
                + Invariant($"Mean probability alive [bold]{models.MeanProbabilityAlive * 100:0.0} %[/]; ")
                + Invariant($"{models.CustomersBelowThreshold:N0} below {models.ProbabilityAliveThreshold * 100:0.#} %.\n")
                + Invariant($"Expected purchases in the next 30 days [bold]{models.ExpectedPurchases30Days:N1}[/]; ")
                + Invariant($"12-month value (CLV, {models.AnnualDiscountRate * 100:0.#} % a year) [bold]{models.TotalClv12Months:N2} {snapshot.Currency}[/].\n")
                + Invariant($"[grey]BG/NBD (weeks) r {models.R:0.###}, α {models.Alpha:0.###}, a {models.A:0.###}, b {models.B:0.###}, log-likelihood {models.LogLikelihood:0.0}")
                + (models.P is null ? "" : Invariant($"; Gamma-Gamma p {models.P:0.###}, q {models.Q:0.###}, γ {models.Gamma:0.###}")) + ".[/]";
            if (models.Note is not null)
            {
                lines += "\n[yellow]Note:[/] " + Markup.Escape(models.Note);
            }
        }
        AnsiConsole.Write(new Panel(new Markup(lines)).Header("[bold]Who will come back[/]").Border(BoxBorder.Rounded));
        if (!models.Fitted || models.AtRisk.IsDefaultOrEmpty)
        {
            return;
        }
        var table = new Table().Border(TableBorder.Rounded).Title("[bold]Valuable customers at risk[/] (by expected value lost)");
        table.AddColumn("Customer")
            .AddColumn(new TableColumn("Probability alive").RightAligned())
            .AddColumn(new TableColumn("Last purchase").RightAligned().NoWrap())
            .AddColumn(new TableColumn("12-month value").RightAligned())
            .AddColumn(new TableColumn("Value lost").RightAligned());
        foreach (var customer in models.AtRisk)
        {
            table.AddRow(Markup.Escape(customer.CustomerId.Value), Invariant($"{customer.ProbabilityAlive * 100:0.0} %"), Invariant($"{customer.LastPurchase:yyyy-MM-dd}"),
                Invariant($"{customer.Clv12Months:N2}"), Invariant($"{customer.ValueLost:N2}"));
        }
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine("[grey]" + Markup.Escape(Invariant(
            $"Value lost = (1 − probability alive) × the 12-month value if still a customer, in {snapshot.Currency}. Definitions: docs/models.md")) + "[/]");
    }
}
