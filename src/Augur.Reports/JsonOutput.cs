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
}
