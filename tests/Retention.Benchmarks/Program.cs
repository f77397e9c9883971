using Retention.Benchmarks;

// Benchmarks, each against a baseline measured in the same run (docs/benchmarks.md):
//   ingest   our ingest endpoints vs raw Azure.Data.Tables writes to the same Azurite
//   engine   the cohort engine vs DuckDB over the same 5,000,000 purchases
//   nightly  the nightly job vs a bare scan of the same summaries in Azurite
//   import   `retention import` (Shopify export, CDNOW master, a replay) vs raw 100-entity transactions to the same Azurite
//   model    the nightly customer-base models on 1,000,000 synthetic customers vs one log-likelihood pass and one-by-one scoring
var suite = args.FirstOrDefault() ?? "ingest";
var rest = args.Skip(1).ToArray();
return suite switch
{
    "ingest" => await IngestBenchmark.RunAsync(rest),
    "engine" => await EngineBenchmark.RunAsync(rest),
    "nightly" => await NightlyBenchmark.RunAsync(rest),
    "import" => await ImportBenchmark.RunAsync(rest),
    "model" => await ModelBenchmark.RunAsync(rest),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: bench.sh ingest|engine|nightly|import|model [options]");
    return 2;
}
