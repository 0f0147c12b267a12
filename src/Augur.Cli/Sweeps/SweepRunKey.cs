using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Augur.Cli.Running;

namespace Augur.Cli.Sweeps;

/// <summary>
/// The identity of a sweep run: a SHA-256 over Augur's version, the trace's content (not its path or time
/// stamp), and every option that changes the result. A finished run with the same key is not run again.
/// A GPU run's key also covers its nodes file's content and every GPU option its request carries.
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

    /// <summary>
    /// The key of a GPU run from the <c>augur simulate</c> request it runs, so that whatever reaches the simulator
    /// is in the key: the trace's and the nodes file's content, the policy, placement, predictor, load and the
    /// cluster and machine options (<paramref name="power"/>: the overrides as written, in any order).
    /// </summary>
    public static string OfGpu(GpuRunRequest request, string traceDigest, string? nodesDigest, IReadOnlyList<string> power)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(power);
        var invariant = CultureInfo.InvariantCulture;
        var text = string.Join('\n',
            "augur " + CliContext.Version,
            "kind gpu",
            "trace " + traceDigest,
            "format " + request.Format,
            "nodes " + (nodesDigest ?? "-"),
            "policy " + request.PolicyId,
            "placement " + request.PlacementId,
            "predictor " + (request.PredictorId ?? "-"),
            "load " + (request.Load?.ToString("R", invariant) ?? "-"),
            "gpus " + (request.Gpus?.ToString(invariant) ?? "-"),
            "gpus_per_node " + request.GpusPerNode.ToString(invariant),
            "spread_slowdown " + request.SpreadSlowdown.ToString("R", invariant),
            "promote_knob " + (request.PromoteKnob?.ToString("R", invariant) ?? "-"),
            "energy_weight " + (request.EnergyWeight?.ToString("R", invariant) ?? "-"),
            "power " + string.Join(' ', power.Order(StringComparer.Ordinal)),
            "lenient " + (request.Lenient ? "true" : "false"));

        // Options sweeps cannot set yet are keyed only when given, so that today's keys stay what they are.
        text += request.HistoryJobs is { } history ? "\nhistory_jobs " + history.ToString(invariant) : string.Empty;
        text += request.FairnessWindowSeconds is { } window ? "\nfairness_window " + window.ToString(invariant) : string.Empty;
        text += request.Fill is { } fill ? "\nfill " + fill.ToString("R", invariant) : string.Empty;
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
