using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using Augur.Reports.Charts;

namespace Augur.Reports.Html;

/// <summary>
/// Writes a <see cref="ReportPage"/> as one self-contained HTML file: uPlot and the report's script and style
/// inlined, the data as JSON in a <c>script type="application/json"</c> element (escaped so that no markup can
/// hide in it), and no external URL, so that it opens offline. The page's script draws the charts with uPlot.
/// </summary>
public static class HtmlReportWriter
{
    // JavaScriptEncoder.Default escapes <, >, & and quotes: the JSON cannot close its script element.
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.Default };

    public static void Write(Stream stream, ReportPage page)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(page);
        using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), leaveOpen: true);
        writer.NewLine = "\n";
        writer.WriteLine("<!DOCTYPE html>");
        writer.WriteLine("<html lang=\"en\">");
        writer.WriteLine("<head>");
        writer.WriteLine("<meta charset=\"utf-8\">");
        writer.WriteLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        writer.WriteLine("<meta name=\"generator\" content=\"Augur\">");
        writer.WriteLine($"<title>{WebUtility.HtmlEncode(page.Title)}</title>");
        writer.WriteLine($"<style>{HtmlAssets.UPlotStyle}</style>");
        writer.WriteLine($"<style>{HtmlAssets.ReportStyle}</style>");
        writer.WriteLine("</head>");
        writer.WriteLine("<body>");
        writer.WriteLine("<main id=\"report\"><noscript>This report draws its charts with JavaScript; enable it to see them.</noscript></main>");
        writer.Write("<script type=\"application/json\" id=\"augur-data\">");
        writer.Flush();
        using (var json = new Utf8JsonWriter(stream, JsonOptions))
        {
            WriteData(json, page);
        }

        writer.WriteLine("</script>");
        writer.WriteLine($"<script>/*\n{HtmlAssets.UPlotLicense.Replace("*/", "* /", StringComparison.Ordinal)}\n*/\n{HtmlAssets.UPlotScript}</script>");
        writer.WriteLine($"<script>{HtmlAssets.ReportScript}</script>");
        writer.WriteLine("</body>");
        writer.WriteLine("</html>");
    }

    private static void WriteData(Utf8JsonWriter json, ReportPage page)
    {
        json.WriteStartObject();
        json.WriteString("title", page.Title);
        json.WriteString("subtitle", page.Subtitle);
        json.WriteStartArray("facts");
        foreach (var fact in page.Facts)
        {
            json.WriteStartArray();
            json.WriteStringValue(fact.Key);
            json.WriteStringValue(fact.Value);
            json.WriteEndArray();
        }

        json.WriteEndArray();
        json.WriteStartArray("tables");
        foreach (var table in page.Tables)
        {
            json.WriteStartObject();
            json.WriteString("title", table.Title);
            WriteStrings(json, "columns", table.Columns);
            json.WriteStartArray("rows");
            foreach (var row in table.Rows)
            {
                WriteStrings(json, null, row);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("charts");
        foreach (var chart in page.Charts)
        {
            WriteChart(json, chart);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteChart(Utf8JsonWriter json, Chart chart)
    {
        json.WriteStartObject();
        json.WriteString("id", chart.Id);
        json.WriteString("title", chart.Title);
        json.WriteString("note", chart.Note);
        json.WriteBoolean("hasData", chart.HasData);
        WriteAxis(json, "x", chart.X);
        WriteAxis(json, "y", chart.Y);
        WriteNumbers(json, "xValues", chart.XValues);
        json.WriteStartArray("series");
        foreach (var series in chart.Series)
        {
            json.WriteStartObject();
            json.WriteString("label", series.Label);
            json.WriteString("style", series.Style.ToString().ToLowerInvariant());
            WriteNumbers(json, "values", series.Values);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (chart.Rectangles.Count > 0)
        {
            json.WriteStartObject("rectangles");
            WriteNumbers(json, "left", chart.Rectangles.Select(rectangle => rectangle.Left).ToArray());
            WriteNumbers(json, "right", chart.Rectangles.Select(rectangle => rectangle.Right).ToArray());
            WriteNumbers(json, "bottom", chart.Rectangles.Select(rectangle => rectangle.Bottom).ToArray());
            WriteNumbers(json, "top", chart.Rectangles.Select(rectangle => rectangle.Top).ToArray());
            json.WriteStartArray("group");
            foreach (var rectangle in chart.Rectangles)
            {
                json.WriteNumberValue(rectangle.Group);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteAxis(Utf8JsonWriter json, string name, ChartAxis axis)
    {
        json.WriteStartObject(name);
        json.WriteString("label", axis.Label);
        json.WriteBoolean("log", axis.Logarithmic);
        if (axis.Range is { } range)
        {
            json.WriteStartArray("range");
            json.WriteNumberValue(range.Minimum);
            json.WriteNumberValue(range.Maximum);
            json.WriteEndArray();
        }

        if (axis.Categories is { } categories)
        {
            WriteStrings(json, "categories", categories);
        }

        if (axis.CategoryDetails is { } details)
        {
            WriteStrings(json, "details", details);
        }

        json.WriteEndObject();
    }

    /// <summary>Numbers with at most 6 significant digits (the page is for eyes; this keeps large runs small); NaN as null.</summary>
    private static void WriteNumbers(Utf8JsonWriter json, string name, IReadOnlyList<double> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            if (double.IsFinite(value))
            {
                json.WriteNumberValue(value == 0 ? 0 : RoundSignificant(value));
            }
            else
            {
                json.WriteNullValue();
            }
        }

        json.WriteEndArray();
    }

    internal static double RoundSignificant(double value)
    {
        var magnitude = Math.Floor(Math.Log10(Math.Abs(value)));
        var scale = Math.Pow(10, 5 - magnitude);
        return scale > 1e15 ? value : Math.Round(value * scale) / scale;
    }

    private static void WriteStrings(Utf8JsonWriter json, string? name, IReadOnlyList<string> values)
    {
        if (name is null)
        {
            json.WriteStartArray();
        }
        else
        {
            json.WriteStartArray(name);
        }

        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
