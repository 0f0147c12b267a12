using Augur.Reports.Gpu;

namespace Augur.Reports.Comparisons;

/// <summary>
/// The GPU side of the reader: the GPU report's strict reader, then the compared metrics checked present (those added
/// later may be missing from older folders: not available).
/// </summary>
public static partial class RunSummaryReader
{
    private static RunSummary ReadGpu(string folder, string path)
    {
        var gpu = GpuRunSummaryReader.Read(folder);
        var written = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, value) in gpu.Metrics)
        {
            written[name] = value;
        }

        var metrics = new Dictionary<string, double>(StringComparer.Ordinal) { ["jobs"] = gpu.Jobs };
        foreach (var name in RunComparison.GpuMetricNames)
        {
            if (name == "jobs")
            {
                continue;
            }

            if (!written.TryGetValue(name, out var value))
            {
                value = RunComparison.GpuMetricsAddedLater.Contains(name, StringComparer.Ordinal)
                    ? double.NaN
                    : throw new RunFolderException($"{path}: field metrics.{name}: missing");
            }

            metrics[name] = value;
        }

        return new RunSummary(folder, gpu.Label, gpu.Trace, gpu.Policy, gpu.Predictor, gpu.Oracle, metrics) { Placement = gpu.Placement };
    }
}
