using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Augur.Reports.Charts;
using Augur.Reports.Html;

namespace Augur.Reports.Tests.Html;

public sealed class HtmlReportWriterTests
{
    private const string Evil = "</script><script>alert(1)</script>";

    private const string DataOpening = "<script type=\"application/json\" id=\"augur-data\">";

    [Fact]
    public void Write_Page_IsOneHtmlDocument()
    {
        var html = Write(Page("A run"));

        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\">\n", html, StringComparison.Ordinal);
        Assert.EndsWith("</body>\n</html>\n", html, StringComparison.Ordinal);
        Assert.Contains("<title>A run</title>", html, StringComparison.Ordinal);
        Assert.Single(Occurrences(html, DataOpening));
    }

    [Fact]
    public void Write_Page_LoadsNothingFromOutside()
    {
        var html = Write(Page("A run"));

        // No element may fetch anything: no src or href naming a URL (http, https or protocol-relative), no
        // stylesheet link, no CSS import.
        Assert.DoesNotMatch(new Regex(@"(src|href)\s*=\s*[""']?\s*(https?:)?//", RegexOptions.IgnoreCase), html);
        Assert.DoesNotMatch(new Regex(@"<link\b", RegexOptions.IgnoreCase), html);
        Assert.DoesNotMatch(new Regex(@"@import|url\(\s*[""']?\s*(https?:)?//", RegexOptions.IgnoreCase), html);
    }

    [Fact]
    public void Write_TextThatClosesAScriptElement_CannotEndTheDataElement()
    {
        var page = new ReportPage
        {
            Title = Evil,
            Subtitle = Evil,
            Facts = [new(Evil, Evil)],
            Tables = [new ReportTable(Evil, [Evil], [[Evil]])],
            Charts = [new Chart("c", Evil, new ChartAxis(Evil), new ChartAxis(Evil) { Categories = [Evil] }, [1], [new ChartSeries(Evil, [1], SeriesStyle.Bars)])],
        };

        var html = Write(page);

        // The writer closes exactly three script elements (the data, uPlot, the report's script) and never writes
        // "</script><script>" itself, so none of the twelve copies of the text may show raw.
        Assert.Empty(Occurrences(html, "</script><script>"));
        Assert.Equal(3, Occurrences(html, "</script>").Count);
        Assert.Equal(3, Occurrences(html, "<script").Count);
        Assert.Contains("<title>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_TextThatClosesAScriptElement_ReadsBackUnchangedFromTheData()
    {
        var page = new ReportPage
        {
            Title = Evil,
            Facts = [new("path", "a & b <c> 'd' \"e\"")],
            Charts = [new Chart("c", Evil, new ChartAxis("x"), new ChartAxis("y"), [1], [new ChartSeries(Evil, [1], SeriesStyle.Line)])],
        };

        using var data = Data(Write(page));

        var root = data.RootElement;
        Assert.Equal(Evil, root.GetProperty("title").GetString());
        Assert.Equal("a & b <c> 'd' \"e\"", root.GetProperty("facts")[0][1].GetString());
        var chart = root.GetProperty("charts")[0];
        Assert.Equal(Evil, chart.GetProperty("title").GetString());
        Assert.Equal(Evil, chart.GetProperty("series")[0].GetProperty("label").GetString());
    }

    [Fact]
    public void Write_Chart_WritesItsAxesSeriesAndNote()
    {
        var chart = new Chart(
            "wait-cdf",
            "CDF",
            new ChartAxis("wait (s)", Logarithmic: true),
            new ChartAxis("fraction") { Range = (0, 1) },
            [1, 10],
            [new ChartSeries("run", [0.5, 1], SeriesStyle.Steps)])
        {
            Note = "a note",
        };

        using var data = Data(Write(Page("t", chart)));

        var written = data.RootElement.GetProperty("charts")[0];
        Assert.Equal("wait-cdf", written.GetProperty("id").GetString());
        Assert.Equal("a note", written.GetProperty("note").GetString());
        Assert.True(written.GetProperty("hasData").GetBoolean());
        Assert.True(written.GetProperty("x").GetProperty("log").GetBoolean());
        Assert.False(written.GetProperty("x").TryGetProperty("range", out _));
        Assert.Equal(new double[] { 0, 1 }, Numbers(written.GetProperty("y").GetProperty("range")));
        Assert.Equal(new double?[] { 1, 10 }, NullableNumbers(written.GetProperty("xValues")));
        Assert.Equal("steps", written.GetProperty("series")[0].GetProperty("style").GetString());
        Assert.False(written.TryGetProperty("rectangles", out _));
    }

    [Fact]
    public void Write_NaNValue_IsWrittenAsNull()
    {
        var chart = new Chart("c", "t", new ChartAxis("x"), new ChartAxis("y"), [1, 2, 3], [new ChartSeries("s", [1, double.NaN, 0], SeriesStyle.Line)]);

        var html = Write(Page("t", chart));

        using var data = Data(html);
        var values = data.RootElement.GetProperty("charts")[0].GetProperty("series")[0].GetProperty("values");
        Assert.Equal(new double?[] { 1, null, 0 }, NullableNumbers(values));
        Assert.DoesNotContain("NaN", html[html.IndexOf(DataOpening, StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Numbers_AreRoundedToSixSignificantDigits()
    {
        var chart = new Chart("c", "t", new ChartAxis("x"), new ChartAxis("y"), [1, 2], [new ChartSeries("s", [3.14159265, 0.000123456789], SeriesStyle.Line)]);

        using var data = Data(Write(Page("t", chart)));

        var values = data.RootElement.GetProperty("charts")[0].GetProperty("series")[0].GetProperty("values");
        Assert.Equal(new double?[] { 3.14159, 0.000123457 }, NullableNumbers(values));
    }

    [Fact]
    public void Write_Rectangles_AreWrittenAsColumns()
    {
        var chart = new Chart("schedule", "t", new ChartAxis("x"), new ChartAxis("y"), [0, 1], [new ChartSeries("jobs", [double.NaN, double.NaN], SeriesStyle.Line)])
        {
            Rectangles = [new ChartRectangle(0, 1, 0, 2, 7), new ChartRectangle(0.5, 1, 2, 3, -1)],
        };

        using var data = Data(Write(Page("t", chart)));

        var rectangles = data.RootElement.GetProperty("charts")[0].GetProperty("rectangles");
        Assert.Equal(new double[] { 0, 0.5 }, Numbers(rectangles.GetProperty("left")));
        Assert.Equal(new double[] { 1, 1 }, Numbers(rectangles.GetProperty("right")));
        Assert.Equal(new double[] { 0, 2 }, Numbers(rectangles.GetProperty("bottom")));
        Assert.Equal(new double[] { 2, 3 }, Numbers(rectangles.GetProperty("top")));
        Assert.Equal(new double[] { 7, -1 }, Numbers(rectangles.GetProperty("group")));
    }

    [Fact]
    public void Write_Stream_IsLeftOpen()
    {
        using var stream = new MemoryStream();

        HtmlReportWriter.Write(stream, Page("t"));

        Assert.True(stream.CanWrite);
        Assert.True(stream.Length > 0);
    }

    [Theory]
    [InlineData(3.14159265, 3.14159)]
    [InlineData(-2.718281828, -2.71828)]
    [InlineData(123456, 123456)]
    [InlineData(1234567, 1234570)]
    [InlineData(123456789, 123457000)]
    [InlineData(0.000123456789, 0.000123457)]
    [InlineData(99.99999, 100)]
    [InlineData(1, 1)]
    public void RoundSignificant_Value_KeepsSixSignificantDigits(double value, double expected)
    {
        var rounded = HtmlReportWriter.RoundSignificant(value);

        // 3.14159|265 -> 3.14159; 1234567 -> 12345|67 -> 1234570; 99.99999 -> 99.9999|9 rounds up to 100.
        Assert.Equal(expected, rounded, Math.Abs(expected) * 1e-12);
    }

    private static ReportPage Page(string title, params Chart[] charts) => new() { Title = title, Charts = charts };

    private static string Write(ReportPage page)
    {
        using var stream = new MemoryStream();
        HtmlReportWriter.Write(stream, page);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The page's data: the content of its JSON script element, which ends at the first "&lt;/script".</summary>
    private static JsonDocument Data(string html)
    {
        var start = html.IndexOf(DataOpening, StringComparison.Ordinal) + DataOpening.Length;
        var end = html.IndexOf("</script", start, StringComparison.OrdinalIgnoreCase);
        return JsonDocument.Parse(html[start..end]);
    }

    private static List<int> Occurrences(string text, string value)
    {
        var found = new List<int>();
        for (var index = text.IndexOf(value, StringComparison.OrdinalIgnoreCase); index >= 0; index = text.IndexOf(value, index + 1, StringComparison.OrdinalIgnoreCase))
        {
            found.Add(index);
        }

        return found;
    }

    private static double[] Numbers(JsonElement array) => array.EnumerateArray().Select(element => element.GetDouble()).ToArray();

    private static double?[] NullableNumbers(JsonElement array) =>
        array.EnumerateArray().Select(element => element.ValueKind == JsonValueKind.Null ? (double?)null : element.GetDouble()).ToArray();
}
