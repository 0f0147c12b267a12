using BenchmarkDotNet.Running;

namespace Augur.Benchmarks;

/// <summary>Runs the suites: <c>dotnet run -c Release --project bench/Augur.Benchmarks -- --filter '*'</c> (see bench/run.sh).</summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
