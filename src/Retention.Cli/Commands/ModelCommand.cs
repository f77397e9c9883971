using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Retention.Application.Import;
using Retention.Domain.Amounts;
using Retention.Domain.Calendar;
using Retention.Domain.Models;
using Spectre.Console;

namespace Retention.Cli.Commands;

/// <summary>
/// <c>retention model --input FILE --calibration-end DAY</c>: fits BG/NBD and Gamma-Gamma to a purchase file on the
/// calibration period and checks the predictions against the holdout period. No storage: the file is the data.
/// </summary>
internal static class ModelCommand
{
    private const string Cdnow = "cdnow";
    private const string PurchasesCsv = "purchases-csv";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Command Create()
    {
        var input = new Option<FileInfo>("--input") { Description = "The purchase file: one purchase per line.", Required = true };
        var format = new Option<string?>("--format")
        {
            Description = "cdnow (whitespace: customer [sample-id] yyyymmdd cds dollars) or purchases-csv (header with customer, " +
                "date and amount columns, as for 'import'). Default: recognised from the first line.",
        };
        format.AcceptOnlyFromAmong(Cdnow, PurchasesCsv);
        var calibrationEnd = new Option<DateOnly?>("--calibration-end")
        {
            Description = "Last day of the calibration period (YYYY-MM-DD, included). The models are fitted on purchases up to it; " +
                "the purchases after it, to the last day in the file, are the holdout the predictions are checked against.",
            Required = true,
            CustomParser = ReportCommand.ParseDate,
        };
        var unit = new Option<string>("--unit") { Description = "Time unit of the model: week or day (parameters such as alpha depend on it).", DefaultValueFactory = _ => "week" };
        unit.AcceptOnlyFromAmong("week", "day");
        var json = new Option<bool>("--json") { Description = "Print the results as JSON instead of tables." };
        var command = new Command("model", """
            Fit the customer-base models to a purchase file, without storage: BG/NBD (how often customers buy and when
            they stop: r, alpha, a, b) and Gamma-Gamma (how much they spend: p, q, gamma), by maximum likelihood, with
            standard errors. Purchases on the same day count as one; the first purchase is not a repeat. Then compares,
            for customers grouped by their repeat purchases in the calibration period (0, 1, ..., 7+), the repeat
            purchases the model expects in the holdout period with the actual ones. Days are UTC days. Equations and
            caveats: docs/models.md.
            """) { input, format, calibrationEnd, unit, json };
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(() =>
        {
            var file = result.GetValue(input)!;
            var end = result.GetValue(calibrationEnd)!.Value;
            var timeUnit = result.GetValue(unit) == "day" ? ModelTimeUnit.Day : ModelTimeUnit.Week;
            var (transactions, detected, invalid) = Read(file, result.GetValue(format));
            cancellationToken.ThrowIfCancellationRequested();
            var first = transactions.Min(t => t.Day);
            var last = transactions.Max(t => t.Day);
            if (end < first || end > last)
            {
                throw new CliException(string.Create(CultureInfo.InvariantCulture,
                    $"--calibration-end {end:yyyy-MM-dd} is outside the data: {file.Name} has purchases from {first:yyyy-MM-dd} to {last:yyyy-MM-dd}. Choose a day in that range (before the last day, to leave a holdout period)."));
            }
            var split = CalibrationHoldout.Build(transactions, end, timeUnit);
            var purchases = BgNbdFitter.Fit(split.Histories);
            if (purchases is not ModelFit<BgNbdModel>.Fitted fitted)
            {
                throw new CliException(Invariant($"Cannot fit BG/NBD to the purchases up to --calibration-end {end:yyyy-MM-dd}: {((ModelFit<BgNbdModel>.NotFitted)purchases).Reason}"));
            }
            var spend = GammaGammaFitter.Fit(split.Spends);
            var histogram = FitDiagnostics.CalibrationFrequencyHistogram(fitted.Model, split.Histories);
            var diagnostics = split.HoldoutLength > 0 ? FitDiagnostics.HoldoutByCalibrationFrequency(fitted.Model, split) : [];
            var run = new Run(file, detected, timeUnit, first, split, invalid, fitted, spend, histogram, diagnostics);
            if (result.GetValue(json))
            {
                Console.WriteLine(JsonDocument(run));
            }
            else
            {
                WriteTables(run);
            }
            return Task.FromResult(0);
        }));
        return command;
    }

    private sealed record Run(
        FileInfo File,
        string Format,
        ModelTimeUnit Unit,
        DateOnly FirstDay,
        CalibrationSplit Split,
        int InvalidRows,
        ModelFit<BgNbdModel>.Fitted Purchases,
        ModelFit<GammaGammaModel> Spend,
        ImmutableArray<FrequencyCountRow> Histogram,
        ImmutableArray<FrequencyBinRow> Diagnostics)
    {
        public string UnitName => Unit == ModelTimeUnit.Week ? "weeks" : "days";

        public double CalibrationLength => (Split.CalibrationEnd.DayNumber - FirstDay.DayNumber) / (double)(int)Unit;

        public int RepeatCustomers => Split.Customers.Count(c => c.History.Frequency > 0);
    }

    /// <summary>Reads the file with the import reader (UTC days); invalid rows are reported on stderr and left out.</summary>
    private static (List<CustomerTransaction> Transactions, string Format, int Invalid) Read(FileInfo file, string? requested)
    {
        if (!file.Exists)
        {
            throw new CliException($"--input: file not found: {file.FullName}");
        }
        var firstLine = File.ReadLines(file.FullName).FirstOrDefault(l => l.Trim().Length > 0)
            ?? throw new CliException($"--input: {file.Name} is empty.");
        var detected = firstLine.IndexOfAny([',', ';', '\t']) >= 0 ? PurchasesCsv : Cdnow;
        if (requested is not null && requested != detected)
        {
            throw new CliException($"--format {requested}: {file.Name} looks like {detected} (first line: '{Shorten(firstLine)}').");
        }
        var calendar = StoreCalendar.Utc;
        var reader = new PurchaseFileReader(calendar, CurrencyCode.Parse("USD"), DateTimeOffset.UtcNow);
        var transactions = new List<CustomerTransaction>();
        var currencies = new HashSet<string>(StringComparer.Ordinal);
        var invalid = 0;
        using var text = file.OpenText();
        try
        {
            foreach (var row in reader.Read(text))
            {
                if (row.Purchase is { } purchase)
                {
                    transactions.Add(new CustomerTransaction(purchase.CustomerId, calendar.DayOf(purchase.PurchasedAt), purchase.Total.Amount));
                    currencies.Add(purchase.Total.Currency.Code);
                }
                else if (row.Error is not null && ++invalid <= 10)
                {
                    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warning: {file.Name} line {row.Line}: {row.Error}; left out."));
                }
            }
        }
        catch (FormatException ex)
        {
            throw new CliException($"--input: {ex.Message}", ex);
        }
        if (invalid > 10)
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warning: {invalid - 10} more invalid lines left out."));
        }
        if (transactions.Count == 0)
        {
            throw new CliException($"--input: {file.Name} has no purchase with a customer id and a date.");
        }
        if (currencies.Count > 1)
        {
            throw new CliException($"--input: {file.Name} has amounts in {currencies.Count} currencies ({string.Join(", ", currencies.Order(StringComparer.Ordinal))}): the spend model needs one currency.");
        }
        return (transactions, detected, invalid);
    }

    private static string Shorten(string line) => line.Length <= 60 ? line.Trim() : line[..60].Trim() + "…";

    private static void WriteTables(Run run)
    {
        var split = run.Split;
        var header = Invariant($"[bold]{Markup.Escape(run.File.Name)}[/] ({run.Format}): calibration {run.FirstDay:yyyy-MM-dd} to {split.CalibrationEnd:yyyy-MM-dd} ")
            + Invariant($"({run.CalibrationLength:0.##} {run.UnitName}), holdout to {split.HoldoutEnd:yyyy-MM-dd} ({split.HoldoutLength:0.##} {run.UnitName}). ")
            + Invariant($"{split.Customers.Length:N0} customers, {run.RepeatCustomers:N0} bought again in the calibration period");
        if (split.CustomersAfterCalibration > 0)
        {
            header += Invariant($"; {split.CustomersAfterCalibration:N0} whose first purchase is after it are left out");
        }
        if (run.InvalidRows > 0)
        {
            header += Invariant($"; {run.InvalidRows:N0} invalid lines left out");
        }
        AnsiConsole.MarkupLine(header + ".");

        var purchases = run.Purchases;
        AnsiConsole.Write(ParameterTable($"BG/NBD (time in {run.UnitName})", purchases.Parameters));
        AnsiConsole.MarkupLine(Invariant($"log-likelihood {purchases.LogLikelihood:0.00}, {purchases.Iterations:N0} iterations, {(purchases.Converged ? "converged" : "[red]not converged[/]")}."));
        WriteNote(purchases.Note);

        if (run.Spend is ModelFit<GammaGammaModel>.Fitted spend)
        {
            AnsiConsole.Write(ParameterTable(Invariant($"Gamma-Gamma (spend per purchase, {spend.Customers:N0} repeat customers)"), spend.Parameters));
            var mean = spend.Model.PopulationMeanSpend?.ToString("0.00", CultureInfo.InvariantCulture) ?? "not finite (q ≤ 1)";
            AnsiConsole.MarkupLine(Invariant($"log-likelihood {spend.LogLikelihood:0.00}, {spend.Iterations:N0} iterations, {(spend.Converged ? "converged" : "[red]not converged[/]")}; ")
                + Invariant($"mean spend per purchase of a new customer {mean}."));
            WriteNote(spend.Note);
        }
        else if (run.Spend is ModelFit<GammaGammaModel>.NotFitted notFitted)
        {
            AnsiConsole.MarkupLine("[yellow]Gamma-Gamma not fitted:[/] " + Markup.Escape(notFitted.Reason));
        }

        var histogram = new Table().Border(TableBorder.Rounded).Title("[bold]Calibration check[/]: customers by repeat purchases in the calibration period");
        histogram.AddColumn(new TableColumn("Repeat purchases").NoWrap())
            .AddColumn(new TableColumn("Customers").RightAligned())
            .AddColumn(new TableColumn("Expected").RightAligned());
        foreach (var row in run.Histogram)
        {
            histogram.AddRow(row.Label, Invariant($"{row.ActualCustomers:N0}"), Invariant($"{row.ExpectedCustomers:N1}"));
        }
        AnsiConsole.Write(histogram);

        if (run.Diagnostics.IsEmpty)
        {
            AnsiConsole.MarkupLine("[grey]No holdout period (the calibration ends on the last day in the file), so no fit diagnostics.[/]");
            return;
        }
        var table = new Table().Border(TableBorder.Rounded).Title(Invariant(
            $"[bold]Holdout check[/]: repeat purchases per customer in the {split.HoldoutLength:0.##} {run.UnitName} after the calibration"));
        table.AddColumn(new TableColumn("Repeat purchases in calibration").NoWrap())
            .AddColumn(new TableColumn("Customers").RightAligned())
            .AddColumn(new TableColumn("Actual").RightAligned())
            .AddColumn(new TableColumn("Expected").RightAligned())
            .AddColumn(new TableColumn("Difference").RightAligned());
        foreach (var row in run.Diagnostics)
        {
            table.AddRow(row.Label, Invariant($"{row.Customers:N0}"), Invariant($"{row.ActualMean:0.000}"), Invariant($"{row.ExpectedMean:0.000}"),
                row.Customers == 0 ? "" : Invariant($"{row.ExpectedMean - row.ActualMean:+0.000;-0.000;0.000}"));
        }
        var (actual, expected) = Totals(run.Diagnostics);
        var difference = actual == 0 ? "" : Invariant($"{(expected - actual) / actual * 100:+0.0;-0.0;0.0} %");
        table.AddRow("[bold]all, total[/]", Invariant($"[bold]{split.Customers.Length:N0}[/]"), Invariant($"[bold]{actual:N0}[/]"), Invariant($"[bold]{expected:N1}[/]"),
            "[bold]" + difference + "[/]");
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine("[grey]Actual and expected are means per customer in the row; the last row sums over all customers. Equations: docs/models.md[/]");
    }

    private static Table ParameterTable(string title, ImmutableArray<ParameterEstimate> parameters)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("[bold]" + Markup.Escape(title) + "[/]");
        table.AddColumn("Parameter").AddColumn(new TableColumn("Estimate").RightAligned()).AddColumn(new TableColumn("Standard error").RightAligned());
        foreach (var p in parameters)
        {
            table.AddRow(p.Name, Invariant($"{p.Value:0.0000}"), p.StandardError is { } se ? Invariant($"{se:0.0000}") : "–");
        }
        return table;
    }

    private static void WriteNote(string? note)
    {
        if (note is not null)
        {
            AnsiConsole.MarkupLine("[yellow]Note:[/] " + Markup.Escape(note));
        }
    }

    private static (double Actual, double Expected) Totals(ImmutableArray<FrequencyBinRow> rows) =>
        (rows.Sum(r => r.ActualMean * r.Customers), rows.Sum(r => r.ExpectedMean * r.Customers));

    private static string JsonDocument(Run run)
    {
        var split = run.Split;
        var (actual, expected) = Totals(run.Diagnostics);
        var document = new
        {
            input = run.File.Name,
            format = run.Format,
            unit = run.Unit == ModelTimeUnit.Week ? "week" : "day",
            calibration = new { start = run.FirstDay, end = split.CalibrationEnd, length = run.CalibrationLength },
            holdout = new { end = split.HoldoutEnd, length = split.HoldoutLength },
            customers = split.Customers.Length,
            repeatCustomers = run.RepeatCustomers,
            customersAfterCalibration = split.CustomersAfterCalibration,
            invalidRows = run.InvalidRows,
            bgNbd = Fitted(run.Purchases.Parameters, run.Purchases.LogLikelihood, run.Purchases.Customers, run.Purchases.Iterations, run.Purchases.Converged, run.Purchases.Note),
            gammaGamma = run.Spend switch
            {
                ModelFit<GammaGammaModel>.Fitted f => Fitted(f.Parameters, f.LogLikelihood, f.Customers, f.Iterations, f.Converged, f.Note)
                    with { PopulationMeanSpend = f.Model.PopulationMeanSpend },
                ModelFit<GammaGammaModel>.NotFitted n => new FitDocument(false, n.Reason, [], null, 0, 0, false, null, null),
                _ => throw new InvalidOperationException("Unknown fit result."),
            },
            calibrationCheck = run.Histogram.Select(r => new { bin = r.Label, customers = r.ActualCustomers, expectedCustomers = r.ExpectedCustomers }),
            holdoutCheck = run.Diagnostics.Select(r => new
            {
                bin = r.Label,
                minFrequency = r.MinFrequency,
                maxFrequency = r.MaxFrequency,
                customers = r.Customers,
                actualMean = r.ActualMean,
                expectedMean = r.ExpectedMean,
            }),
            holdoutTotals = run.Diagnostics.IsEmpty ? null : new { actual, expected },
        };
        return JsonSerializer.Serialize(document, Json);
    }

    private static FitDocument Fitted(ImmutableArray<ParameterEstimate> parameters, double logLikelihood, int customers, int iterations, bool converged, string? note) =>
        new(true, null, [.. parameters.Select(p => new ParameterDocument(p.Name, p.Value, p.StandardError))], logLikelihood, customers, iterations, converged, note, null);

    private sealed record FitDocument(
        bool Fitted,
        string? Reason,
        ImmutableArray<ParameterDocument> Parameters,
        double? LogLikelihood,
        int Customers,
        int Iterations,
        bool Converged,
        string? Note,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? PopulationMeanSpend);

    private sealed record ParameterDocument(string Name, double Value, double? StandardError);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
