using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Retention.Application.Import;
using Retention.Cli.Import;
using Retention.Infrastructure.Storage;
using Spectre.Console;

namespace Retention.Cli.Commands;

/// <summary>
/// <c>retention import FILE</c>: backfills order history (Shopify or WooCommerce exports, Online Retail invoice lines,
/// CDNOW, a purchases CSV) through the ingest use cases. Exit code 0 when everything was imported or skipped on purpose,
/// 2 when a bad row stopped it or something was in conflict or not applied, 1 when it could not start.
/// </summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "The export to import (see --format)." };
        var format = new Option<string>("--format")
        {
            Description = "shopify-csv (Shopify's orders export), woocommerce-json (a JSON array of WooCommerce REST v3 orders), " +
                "online-retail (UCI Online Retail invoice lines), cdnow, purchases-csv (one purchase per row), or auto: " +
                "recognised from the first line.",
            DefaultValueFactory = _ => "auto",
        };
        format.AcceptOnlyFromAmong([.. ImportFormats.AllNames]);
        var currency = new Option<string?>("--currency")
        {
            Description = "Currency for rows that name none (ISO 4217). Default: the Store__Currency setting; GBP for online-retail.",
        };
        var skipBad = new Option<bool>("--skip-bad") { Description = "Skip bad rows and list them, instead of stopping at the first one." };
        var restart = new Option<bool>("--restart")
        {
            Description = "Forget the saved progress (FILE.import-state) and read the file from the top; safe, since nothing is counted twice.",
        };
        var command = new Command("import", """
            Import order history so cohorts start with real history: purchases, refunds and cancellations, through the
            same ingest as the API, in batches. Running it again continues where it stopped and never counts anything
            twice (progress is saved in FILE.import-state). Rows skipped on purpose (no customer, not paid, ...) are
            counted per reason. A bad row stops the import with its line and column (exit code 2) unless --skip-bad.
            Formats, column mapping and choices: docs/import.md.
            """) { file, format, currency, skipBad, restart };
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(() =>
            RunAsync(result.GetValue(file)!, result.GetValue(format)!, result.GetValue(currency), result.GetValue(skipBad), result.GetValue(restart), cancellationToken)));
        return command;
    }

    private static async Task<int> RunAsync(FileInfo path, string formatName, string? currency, bool skipBad, bool restart, CancellationToken cancellationToken)
    {
        if (!path.Exists)
        {
            throw new CliException($"File not found: {path.FullName}");
        }
        if (currency is not null && !Domain.Amounts.CurrencyCode.TryParse(currency, out _, out var currencyError))
        {
            throw new CliException($"--currency {currencyError.Reason}.");
        }
        var firstLine = File.ReadLines(path.FullName).FirstOrDefault(l => l.Trim().Length > 0)
            ?? throw new CliException($"{path.Name} is empty.");
        _ = ImportFormats.TryParse(formatName, out var requested);
        var format = requested == ImportFormat.Auto ? ImportFormats.Detect(firstLine) : requested;

        await using var services = await CliServices.StartAsync(cancellationToken);
        var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        var checkpoint = FileImportCheckpoint.For(path, format, storage.ConnectionString + "|" + storage.TablePrefix);
        if (restart)
        {
            checkpoint.Clear();
        }
        var saved = checkpoint.Read();
        if (saved is { Complete: true })
        {
            Console.WriteLine(Invariant($"{path.Name} ({ImportFormats.NameOf(format)}) was imported completely into this store before ") +
                Invariant($"({saved.Rows:N0} rows); nothing to do. --restart reads it again (safe: nothing is counted twice)."));
            return 0;
        }
        if (saved is not null)
        {
            Console.WriteLine(Invariant($"Continuing after the {saved.Rows:N0} rows an earlier run imported (progress in {checkpoint.Path})."));
        }

        var import = services.GetRequiredService<ImportPurchases>();
        ImportSummary? summary = null;
        await using var stream = path.OpenRead();
        using var reader = new StreamReader(stream);
        try
        {
            await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RowRateColumn(), new RemainingTimeColumn())
                .StartAsync(async progress =>
                {
                    var task = progress.AddTask(Invariant($"Importing {Markup.Escape(path.Name)} ({ImportFormats.NameOf(format)})"), maxValue: 1000);
                    var length = Math.Max(1, stream.Length);
                    summary = await import.ExecuteAsync(reader, new ImportOptions
                    {
                        Format = format,
                        Currency = currency,
                        SkipBad = skipBad,
                        Checkpoint = checkpoint,
                        Progress = p =>
                        {
                            // Rows done of all rows when the format read the file whole; otherwise of the rows read so far, scaled by
                            // how much of the file is read.
                            var read = Math.Min(1.0, stream.Position / (double)length);
                            task.Value = p.RowsTotal is > 0 and var total
                                ? 1000.0 * p.RowsDone / total
                                : 1000 * read * (p.RowsRead == 0 ? 0 : p.RowsDone / (double)p.RowsRead);
                            task.State.Update<int>(RowRateColumn.RowsKey, _ => p.RowsDone);
                        },
                    }, cancellationToken);
                    task.Value = task.MaxValue;
                });
        }
        catch (FormatException ex)
        {
            throw new CliException(ex.Message, ex);
        }

        var s = summary!;
        foreach (var problem in s.Errors)
        {
            Console.Error.WriteLine("skipped bad row: " + problem);
        }
        ImportReport.Write(path.Name, s);
        if (s.StoppedAt is { } stopped)
        {
            Console.Error.WriteLine("error: " + stopped);
            Console.Error.WriteLine("The rows before it are imported. Fix that row and run the same command again: it continues there and counts nothing twice. " +
                                    "Or add --skip-bad to skip bad rows and list them.");
            return 2;
        }
        return s.Conflicts > 0 || s.Unavailable > 0 || s.NotApplied.Count > 0 ? 2 : 0;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
