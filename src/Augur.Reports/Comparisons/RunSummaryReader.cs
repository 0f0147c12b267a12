using System.Text.Json;

namespace Augur.Reports.Comparisons;

/// <summary>Reads a run folder's summary.json (docs/outputs.md) for a comparison, checking every field it uses.</summary>
public static class RunSummaryReader
{
    public static RunSummary Read(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var path = Path.Combine(folder, "summary.json");
        if (!Directory.Exists(folder))
        {
            throw new RunFolderException($"{folder}: no such run folder");
        }

        if (!File.Exists(path))
        {
            throw new RunFolderException($"{path}: missing (is {folder} a run folder written by augur simulate?)");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (JsonException exception)
        {
            throw new RunFolderException($"{path}:{(exception.LineNumber ?? 0) + 1}: not valid JSON: {exception.Message.Split(" Path:")[0]}", exception);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new RunFolderException($"{path}: expected a JSON object at the top");
            }

            var metrics = new Dictionary<string, double>(StringComparer.Ordinal)
            {
                ["jobs"] = Number(path, root, "jobs"),
            };
            var metricsElement = Member(path, root, "metrics", JsonValueKind.Object);
            foreach (var name in RunComparison.MetricNames)
            {
                if (name != "jobs")
                {
                    metrics[name] = Number(path, metricsElement, name, "metrics.");
                }
            }

            string? predictor = null;
            if (root.TryGetProperty("prediction", out var prediction) && prediction.ValueKind == JsonValueKind.Object)
            {
                predictor = Text(path, prediction, "predictor", "prediction.");
            }

            var oracle = root.TryGetProperty("oracle", out var oracleElement) && oracleElement.ValueKind == JsonValueKind.True;
            var label = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)));
            var processors = Number(path, Member(path, root, "cluster", JsonValueKind.Object), "processors", "cluster.");
            if (processors < 1 || processors > int.MaxValue || processors != Math.Floor(processors))
            {
                throw new RunFolderException($"{path}: field cluster.processors: {processors} is not a whole number of processors (at least 1)");
            }

            var order = root.TryGetProperty("order", out var orderElement) && orderElement.ValueKind == JsonValueKind.String ? orderElement.GetString()! : "order/fcfs";
            return new RunSummary(folder, label, Text(path, root, "trace"), Text(path, root, "policy"), predictor, oracle, metrics)
            {
                Processors = (int)processors,
                Order = order,
            };
        }
    }

    private static JsonElement Member(string path, JsonElement parent, string name, JsonValueKind kind, string prefix = "")
    {
        if (!parent.TryGetProperty(name, out var value))
        {
            throw new RunFolderException($"{path}: field {prefix}{name}: missing");
        }

        if (value.ValueKind != kind)
        {
            throw new RunFolderException($"{path}: field {prefix}{name}: expected {kind.ToString().ToLowerInvariant()}, found {value.ValueKind.ToString().ToLowerInvariant()}");
        }

        return value;
    }

    private static double Number(string path, JsonElement parent, string name, string prefix = "") =>
        Member(path, parent, name, JsonValueKind.Number, prefix).GetDouble();

    private static string Text(string path, JsonElement parent, string name, string prefix = "") =>
        Member(path, parent, name, JsonValueKind.String, prefix).GetString()!;
}
