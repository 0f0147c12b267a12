using System.Text.Json;

namespace Augur.Reports;

/// <summary>
/// How every JSON file Augur writes looks: indented, escaped only as JSON requires (ids such as backfill/easy++
/// stay readable; the files are data, never embedded in HTML), numbers rounded to six decimals (microsecond
/// resolution in seconds, and stable text), and null where a number is undefined.
/// </summary>
public static class JsonOutput
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Utf8JsonWriter CreateWriter(Stream stream) => new(stream, Options);

    public static double Round(double value) => Math.Round(value, 6, MidpointRounding.ToEven);

    /// <summary>Writes <paramref name="value"/> rounded, or null when it is NaN or infinite.</summary>
    public static void WriteNumberOrNull(Utf8JsonWriter json, string name, double value)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (double.IsFinite(value))
        {
            json.WriteNumber(name, Round(value));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    /// <summary>Writes an object of counts by name, in ordinal name order so that the file is stable.</summary>
    public static void WriteCounts(Utf8JsonWriter json, string name, IReadOnlyDictionary<string, int> counts)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(counts);
        json.WriteStartObject(name);
        foreach (var count in counts.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            json.WriteNumber(count.Key, count.Value);
        }

        json.WriteEndObject();
    }

    /// <summary>Writes an object of texts by name, in ordinal name order so that the file is stable.</summary>
    public static void WriteStrings(Utf8JsonWriter json, string name, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(values);
        json.WriteStartObject(name);
        foreach (var value in values.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            json.WriteString(value.Key, value.Value);
        }

        json.WriteEndObject();
    }
}
