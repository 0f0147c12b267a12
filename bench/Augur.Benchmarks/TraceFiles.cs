namespace Augur.Benchmarks;

/// <summary>Finds ../shared/traces from the repository root, wherever BenchmarkDotNet runs the benchmark from.</summary>
internal static class TraceFiles
{
    public static string Hpc(string file)
    {
        var root = Environment.GetEnvironmentVariable("AUGUR_TRACES");
        if (string.IsNullOrEmpty(root))
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Augur.slnx")))
                {
                    root = Path.Combine(directory.FullName, "..", "shared", "traces");
                    break;
                }
            }
        }

        return Path.GetFullPath(Path.Combine(root ?? throw new InvalidOperationException("set AUGUR_TRACES to ../shared/traces"), "hpc", file));
    }
}
