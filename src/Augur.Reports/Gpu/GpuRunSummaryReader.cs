using System.Text.Json;
using Augur.Reports.Comparisons;

namespace Augur.Reports.Gpu;

/// <summary>Reads a GPU run folder's summary.json (docs/outputs.md, GPU runs), checking every field the report uses.</summary>
public static class GpuRunSummaryReader
{
    /// <summary>
    /// True when the folder's summary.json is a GPU run's (it names a placement). False for a batch run's, and for
    /// a folder without a readable summary.json, whose reader then says what is wrong with it.
    /// </summary>
    public static bool IsGpuRun(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        try
        {
            using var document = SummaryJson.Open(folder, out _);
            return document.RootElement.TryGetProperty("placement", out _);
        }
        catch (RunFolderException)
        {
            return false;
        }
    }

    public static GpuRunSummary Read(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        using var document = SummaryJson.Open(folder, out var path);
        var root = document.RootElement;
        if (root.TryGetProperty("mode", out var mode) && mode.ValueKind == JsonValueKind.String && mode.GetString() == "fill")
        {
            throw new RunFolderException($"{path}: a fill experiment (--fill) has no schedule to chart; its summary.json is its result");
        }

        var cluster = SummaryJson.Member(path, root, "cluster", JsonValueKind.Object);
        var metrics = SummaryJson.Member(path, root, "metrics", JsonValueKind.Object);
        var predictor = root.TryGetProperty("predictor", out _) ? SummaryJson.Text(path, root, "predictor") : null;
        return new GpuRunSummary(
            folder,
            SummaryJson.Label(folder),
            SummaryJson.Text(path, root, "trace"),
            SummaryJson.Text(path, root, "policy"),
            SummaryJson.Text(path, root, "placement"),
            SummaryJson.Count(path, cluster, "gpus", "cluster.", minimum: 1))
        {
            Format = SummaryJson.Text(path, root, "format"),
            Predictor = predictor,
            Oracle = root.TryGetProperty("oracle", out var oracle) && oracle.ValueKind == JsonValueKind.True,
            ClusterName = SummaryJson.Text(path, cluster, "name", "cluster."),
            Nodes = SummaryJson.Count(path, cluster, "nodes", "cluster.", minimum: 1),
            Jobs = SummaryJson.Count(path, root, "jobs"),
            NeverStarted = SummaryJson.Count(path, root, "never_started"),
            NeverFinished = SummaryJson.Count(path, root, "never_finished"),
            Options = Options(path, root),
            Metrics = Metrics(path, metrics),
            Users = Users(path, root),
        };
    }

    private static List<KeyValuePair<string, string>> Options(string path, JsonElement root)
    {
        var options = new List<KeyValuePair<string, string>>();
        if (root.TryGetProperty("options", out _))
        {
            foreach (var option in SummaryJson.Member(path, root, "options", JsonValueKind.Object).EnumerateObject())
            {
                options.Add(new(option.Name, SummaryJson.Text(path, root.GetProperty("options"), option.Name, "options.")));
            }
        }

        return options;
    }

    private static List<KeyValuePair<string, double>> Metrics(string path, JsonElement metrics)
    {
        var values = new List<KeyValuePair<string, double>>();
        foreach (var metric in metrics.EnumerateObject())
        {
            values.Add(new(metric.Name, metric.Value.ValueKind == JsonValueKind.Null ? double.NaN : SummaryJson.Number(path, metrics, metric.Name, "metrics.")));
        }

        return values;
    }

    private static List<GpuUserUsage> Users(string path, JsonElement root)
    {
        var users = new List<GpuUserUsage>();
        if (!root.TryGetProperty("users", out _))
        {
            return users;
        }

        foreach (var user in SummaryJson.Member(path, root, "users", JsonValueKind.Object).EnumerateObject())
        {
            var prefix = $"users.{user.Name}.";
            var usage = SummaryJson.Member(path, root.GetProperty("users"), user.Name, JsonValueKind.Object, "users.");
            var gpuSeconds = SummaryJson.Number(path, usage, "gpu_seconds", prefix);
            var energy = SummaryJson.Number(path, usage, "energy_joules", prefix);
            if (gpuSeconds < 0 || energy < 0)
            {
                throw new RunFolderException($"{path}: field {prefix}{(gpuSeconds < 0 ? "gpu_seconds" : "energy_joules")}: negative");
            }

            users.Add(new GpuUserUsage(user.Name, gpuSeconds, energy));
        }

        return users;
    }
}
