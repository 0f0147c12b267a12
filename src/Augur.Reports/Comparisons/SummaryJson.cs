using System.Text.Json;

namespace Augur.Reports.Comparisons;

/// <summary>Opens a run folder's summary.json and reads its fields strictly, each error naming the file and field.</summary>
internal static class SummaryJson
{
    /// <summary>Parses <c>FOLDER/summary.json</c>; the caller disposes the document.</summary>
    public static JsonDocument Open(string folder, out string path)
    {
        path = Path.Combine(folder, "summary.json");
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

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            throw new RunFolderException($"{path}: expected a JSON object at the top");
        }

        return document;
    }

    /// <summary>How a run is named on a page: its folder's name.</summary>
    public static string Label(string folder) => Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)));

    public static JsonElement Member(string path, JsonElement parent, string name, JsonValueKind kind, string prefix = "")
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

    public static double Number(string path, JsonElement parent, string name, string prefix = "") =>
        Member(path, parent, name, JsonValueKind.Number, prefix).GetDouble();

    public static string Text(string path, JsonElement parent, string name, string prefix = "") =>
        Member(path, parent, name, JsonValueKind.String, prefix).GetString()!;

    /// <summary>A whole number at least <paramref name="minimum"/> (a count: jobs, GPUs, nodes).</summary>
    public static int Count(string path, JsonElement parent, string name, string prefix = "", int minimum = 0)
    {
        var value = Number(path, parent, name, prefix);
        if (value < minimum || value > int.MaxValue || value != Math.Floor(value))
        {
            throw new RunFolderException($"{path}: field {prefix}{name}: {value} is not a whole number of at least {minimum}");
        }

        return (int)value;
    }
}
