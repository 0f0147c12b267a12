using System.Text.Json;

namespace Augur.Reports.Comparisons;

/// <summary>
/// Reads a run folder's summary.json (docs/outputs.md) for a comparison, checking every field it uses: a batch
/// run's, or a GPU run's (its summary names a placement) with the metrics of <see cref="RunComparison.GpuMetricNames"/>.
/// </summary>
public static partial class RunSummaryReader
{
    public static RunSummary Read(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        using (var document = SummaryJson.Open(folder, out var path))
        {
            var root = document.RootElement;
            if (root.TryGetProperty("placement", out _))
            {
                return ReadGpu(folder, path);
            }

            var metrics = new Dictionary<string, double>(StringComparer.Ordinal)
            {
                ["jobs"] = SummaryJson.Number(path, root, "jobs"),
            };
            var metricsElement = SummaryJson.Member(path, root, "metrics", JsonValueKind.Object);
            foreach (var name in RunComparison.MetricNames)
            {
                if (name != "jobs")
                {
                    metrics[name] = SummaryJson.Number(path, metricsElement, name, "metrics.");
                }
            }

            string? predictor = null;
            if (root.TryGetProperty("prediction", out var prediction) && prediction.ValueKind == JsonValueKind.Object)
            {
                predictor = SummaryJson.Text(path, prediction, "predictor", "prediction.");
            }

            var oracle = root.TryGetProperty("oracle", out var oracleElement) && oracleElement.ValueKind == JsonValueKind.True;
            var label = SummaryJson.Label(folder);
            var processors = SummaryJson.Number(path, SummaryJson.Member(path, root, "cluster", JsonValueKind.Object), "processors", "cluster.");
            if (processors < 1 || processors > int.MaxValue || processors != Math.Floor(processors))
            {
                throw new RunFolderException($"{path}: field cluster.processors: {processors} is not a whole number of processors (at least 1)");
            }

            var order = root.TryGetProperty("order", out var orderElement) && orderElement.ValueKind == JsonValueKind.String ? orderElement.GetString()! : "order/fcfs";
            return new RunSummary(folder, label, SummaryJson.Text(path, root, "trace"), SummaryJson.Text(path, root, "policy"), predictor, oracle, metrics)
            {
                Processors = (int)processors,
                Order = order,
            };
        }
    }
}
