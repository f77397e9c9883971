using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Retention.Application.Import;
using Spectre.Console;

namespace Retention.Cli.Commands;

/// <summary><c>retention import FILE</c>: backfills order history from a CSV or CDNOW file through the ingest use case.</summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "A purchases CSV (header with customer and date columns) or a CDNOW-style whitespace file." };
        var currency = new Option<string?>("--currency") { Description = "Currency for rows without one (ISO 4217). Default: the Store__Currency setting." };
        var command = new Command("import", """
            Import order history so cohorts start with real history. One purchase per row. CSV columns are matched by name,
            case-insensitively: customer (customerId, customer_id, CustomerID), date (purchasedAt, date, InvoiceDate,
            created_at), optional amount (total, amount, dollars), currency and order id (orderId, order_id, InvoiceNo).
            CDNOW files (customer [sample-id] yyyymmdd cds dollars) are recognised. Rows without a customer id (empty,
            NA) are skipped and counted. Rows without an order id get a stable one, so importing a file twice changes nothing.
            """) { file, currency };
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            var path = result.GetValue(file)!;
            if (!path.Exists)
            {
                throw new CliException($"File not found: {path.FullName}");
            }
            var code = result.GetValue(currency);
            if (code is not null && !Retention.Domain.Amounts.CurrencyCode.TryParse(code, out _, out var currencyError))
            {
                throw new CliException($"--currency {currencyError.Reason}.");
            }
            await using var services = await CliServices.StartAsync(cancellationToken);
            var import = services.GetRequiredService<ImportPurchases>();
            ImportSummary? summary = null;
            await using var stream = path.OpenRead();
            using var reader = new StreamReader(stream);
            try
            {
                await AnsiConsole.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                    .StartAsync(async progress =>
                    {
                        var task = progress.AddTask($"Importing {Markup.Escape(path.Name)}", maxValue: Math.Max(1, stream.Length));
                        summary = await import.ExecuteAsync(reader, code, _ => task.Value = stream.Position, cancellationToken);
                        task.Value = task.MaxValue;
                    });
            }
            catch (FormatException ex)
            {
                throw new CliException(ex.Message);
            }
            var s = summary!;
            foreach (var error in s.Errors)
            {
                Console.Error.WriteLine("invalid row, " + error);
            }
            AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                $"Imported {Markup.Escape(path.Name)}: {s.Rows:N0} rows → [bold]{s.Recorded:N0}[/] recorded, {s.Replayed:N0} already there, " +
                $"{s.Conflicts:N0} conflicts, {s.Invalid:N0} invalid, {s.Unavailable:N0} unavailable; {s.SkippedWithoutCustomer:N0} skipped without a customer id. " +
                $"{s.Elapsed.TotalSeconds:0.0} s, {s.RowsPerSecond:N0} rows/s."));
            return s.Invalid > 0 || s.Unavailable > 0 || s.Conflicts > 0 ? 2 : 0;
        }));
        return command;
    }
}
