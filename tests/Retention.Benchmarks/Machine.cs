using System.Runtime.InteropServices;

namespace Retention.Benchmarks;

internal static class Machine
{
    public static void Print() =>
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, " +
                          $"{GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB");
}
