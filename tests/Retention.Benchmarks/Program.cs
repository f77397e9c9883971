using Retention.Benchmarks;

// Benchmarks, each against a baseline measured in the same run (docs/benchmarks.md):
//   ingest   our ingest endpoints vs raw Azure.Data.Tables writes to the same Azurite
//   engine   the cohort engine vs DuckDB over the same 5,000,000 purchases
//   nightly  the nightly job vs a bare scan of the same summaries in Azurite
var suite = args.FirstOrDefault() ?? "ingest";
var rest = args.Skip(1).ToArray();
return suite switch
{
    "ingest" => await IngestBenchmark.RunAsync(rest),
    "engine" => await EngineBenchmark.RunAsync(rest),
    "nightly" => await NightlyBenchmark.RunAsync(rest),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: bench.sh ingest|engine|nightly [options]");
    return 2;
}
