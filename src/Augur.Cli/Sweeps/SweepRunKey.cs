using System.Security.Cryptography;
using System.Text;

namespace Augur.Cli.Sweeps;

/// <summary>
/// The identity of a sweep run: a SHA-256 over Augur's version, the trace's content (not its path or time
/// stamp), and every option that changes the result. A finished run with the same key is not run again.
/// </summary>
public static class SweepRunKey
{
    public static string Of(SweepFile sweep, SweepRun run, string traceDigest)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        ArgumentNullException.ThrowIfNull(run);
        var synthetic = run.Trace.StartsWith(Running.TraceLoader.SyntheticPrefix, StringComparison.Ordinal);
        var text = string.Join('\n',
            "augur " + CliContext.Version,
            "trace " + traceDigest,
            "policy " + run.Policy,
            "order " + (run.Order ?? "-"),
            "predictor " + (run.Predictor ?? "-"),
            "corrector " + (run.Corrector ?? "-"),
            "seed " + run.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "filter " + sweep.Filter,
            "procs " + (sweep.Processors?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"),
            "jobs " + (synthetic ? sweep.Jobs.ToString(System.Globalization.CultureInfo.InvariantCulture) : "-"),
            "lenient " + (sweep.Lenient ? "true" : "false"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>The content digest of a trace file, or the synthetic source's name.</summary>
    public static string DigestOf(string trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        if (trace.StartsWith(Running.TraceLoader.SyntheticPrefix, StringComparison.Ordinal))
        {
            return trace;
        }

        using var file = File.OpenRead(trace);
        return Convert.ToHexStringLower(SHA256.HashData(file));
    }
}
