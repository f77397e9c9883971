using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using Retention.Domain.Calendar;
using Retention.Domain.Cohorts;

namespace Retention.Benchmarks;

/// <summary>
/// The cohort engine against DuckDB over the same generated purchases: our engine computes the monthly and weekly
/// tables and all metrics; DuckDB (in-process, all cores) computes the monthly "on" count table with the best query we
/// could write. Loading DuckDB is not timed. Both are run three times; the best time counts. The tables must be equal.
/// Options: --customers N (default 1,000,000; about five purchases each).
/// </summary>
internal static class EngineBenchmark
{
    private static readonly DateOnly AsOf = new(2025, 12, 31);

    public static Task<int> RunAsync(string[] args)
    {
        var customers = Options.Int(args, "--customers", 1_000_000);
        Machine.Print();
        var (purchases, starts) = Generate(customers, seed: 7);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Data: {customers:N0} customers, {purchases.Length:N0} purchases ({(double)purchases.Length / customers:0.00} per customer), 2021-01-01..{AsOf:yyyy-MM-dd}, UTC"));

        RetentionSnapshot? snapshot = null;
        var ours = TimeSpan.MaxValue;
        long held = 0;
        for (var run = 0; run < 3; run++)
        {
            var before = GC.GetTotalMemory(forceFullCollection: true);
            var clock = Stopwatch.StartNew();
            var engine = new RetentionEngine(StoreCalendar.Utc, AsOf, asOfComplete: true, "USD");
            for (var c = 0; c < customers; c++)
            {
                engine.Add(purchases.AsSpan(starts[c], starts[c + 1] - starts[c]));
            }
            snapshot = engine.Build();
            clock.Stop();
            ours = clock.Elapsed < ours ? clock.Elapsed : ours;
            held = GC.GetTotalMemory(forceFullCollection: true) - before;
            GC.KeepAlive(engine);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Our engine (monthly + weekly tables, revenue, all metrics): best of 3 {ours.TotalMilliseconds:N0} ms; held {held / 1024.0:N0} KiB = {(double)held / customers:0.00} bytes per customer"));

        using var duck = new DuckDBConnection("DataSource=:memory:");
        duck.Open();
        Execute(duck, "CREATE TABLE purchases (customer INTEGER NOT NULL, day DATE NOT NULL, amount DECIMAL(18,2) NOT NULL)");
        var loading = Stopwatch.StartNew();
        using (var appender = duck.CreateAppender("purchases"))
        {
            for (var c = 0; c < customers; c++)
            {
                for (var i = starts[c]; i < starts[c + 1]; i++)
                {
                    appender.CreateRow().AppendValue(c).AppendValue(DateOnly.FromDateTime(purchases[i].At.UtcDateTime)).AppendValue(purchases[i].NetAmount).EndRow();
                }
            }
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"DuckDB load (not timed in the comparison): {loading.Elapsed.TotalSeconds:0.0} s, threads: {Scalar(duck, "SELECT current_setting('threads')")}"));

        // Distinct (customer, month) pairs once, each customer's first month from them, then one hash join and aggregate.
        const string query = """
            WITH active AS (SELECT DISTINCT customer, year(day) * 12 + month(day) - 1 AS m FROM purchases),
                 cohort AS (SELECT customer, min(m) AS c FROM active GROUP BY customer)
            SELECT cohort.c, active.m - cohort.c AS k, count(*) AS n
            FROM active JOIN cohort USING (customer)
            GROUP BY ALL
            """;
        var duckTime = TimeSpan.MaxValue;
        List<(int Cohort, int K, long N)> cells = [];
        for (var run = 0; run < 3; run++)
        {
            var clock = Stopwatch.StartNew();
            cells = Query(duck, query);
            clock.Stop();
            duckTime = clock.Elapsed < duckTime ? clock.Elapsed : duckTime;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"DuckDB monthly count table: best of 3 {duckTime.TotalMilliseconds:N0} ms"));

        var monthly = snapshot!.Monthly.Rows.ToDictionary(r => r.Cohort.Index);
        var equal = cells.Count == monthly.Values.Sum(r => r.On.Count(n => n > 0))
                    && cells.All(cell => monthly.TryGetValue(cell.Cohort, out var row) && row.On[cell.K] == cell.N);
        Console.WriteLine($"Tables equal: {(equal ? "yes" : "NO")}");
        Console.WriteLine();
        Console.WriteLine("| engine | work | best of 3 | ratio |");
        Console.WriteLine("|---|---|---:|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| DuckDB {Scalar(duck, "SELECT version()")} | monthly count table | {duckTime.TotalMilliseconds:N0} ms | baseline |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| RetentionEngine | monthly + weekly tables, revenue, all metrics | {ours.TotalMilliseconds:N0} ms | {duckTime / ours:0.00}× faster |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Peak managed heap: {GC.GetGCMemoryInfo().PeakMemoryBytes() / (1 << 20):N0} MiB (input data included); engine state {(double)held / customers:0.00} bytes per customer."));
        return Task.FromResult(equal ? 0 : 1);
    }

    /// <summary>
    /// Customers arrive over five years; each has a personal mean gap (15 to 135 days) and keeps buying with a
    /// probability that falls with each order (about five purchases per customer); amounts 5 to 200.
    /// </summary>
    private static (CountedPurchase[] Purchases, int[] Starts) Generate(int customers, int seed)
    {
        var random = new Random(seed);
        var start = new DateOnly(2021, 1, 1).DayNumber;
        var span = AsOf.DayNumber - start + 1;
        var purchases = new List<CountedPurchase>(customers * 5);
        var starts = new int[customers + 1];
        for (var c = 0; c < customers; c++)
        {
            starts[c] = purchases.Count;
            var day = start + (int)(span * Math.Sqrt(random.NextDouble()));
            var meanGap = 15 + random.Next(120);
            var keep = 0.72 + (0.26 * random.NextDouble());
            for (var n = 0; day <= AsOf.DayNumber && n < 200; n++)
            {
                var at = new DateTimeOffset(DateOnly.FromDayNumber(day).ToDateTime(new TimeOnly(random.Next(24), random.Next(60))), TimeSpan.Zero);
                purchases.Add(new CountedPurchase(at, Math.Round(5m + (decimal)(random.NextDouble() * 195), 2)));
                if (random.NextDouble() > keep)
                {
                    break;
                }
                day += 1 + (int)(-meanGap * Math.Log(1 - random.NextDouble()));
            }
        }
        starts[customers] = purchases.Count;
        return ([.. purchases], starts);
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string Scalar(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture) ?? "";
    }

    private static List<(int, int, long)> Query(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var cells = new List<(int, int, long)>();
        while (reader.Read())
        {
            cells.Add((Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture), Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture), Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture)));
        }
        return cells;
    }
}

internal static class GcInfoExtensions
{
    /// <summary>The largest heap size among the last GCs of each kind: a floor for the process's peak managed heap.</summary>
    public static long PeakMemoryBytes(this GCMemoryInfo _) =>
        new[] { GCKind.Ephemeral, GCKind.FullBlocking, GCKind.Background }.Max(kind => GC.GetGCMemoryInfo(kind).HeapSizeBytes);
}

internal static class Options
{
    public static int Int(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        if (at < 0)
        {
            return fallback;
        }
        return at + 1 < args.Length && int.TryParse(args[at + 1], CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"{name} needs a positive whole number.");
    }
}
