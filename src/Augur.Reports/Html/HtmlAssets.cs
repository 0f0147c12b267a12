using System.Reflection;

namespace Augur.Reports.Html;

/// <summary>
/// The files a report inlines, embedded in this assembly at build time: uPlot (its script, style sheet and
/// licence, installed from npm by the build; see Assets/package.json) and the report's own script and style.
/// uPlot is public so that the service's dashboard serves this same copy instead of installing a second one.
/// </summary>
public static class HtmlAssets
{
    public static string UPlotScript { get; } = Read("uPlot.iife.min.js");

    public static string UPlotStyle { get; } = Read("uPlot.min.css");

    public static string UPlotLicense { get; } = Read("uPlot.LICENSE");

    internal static string ReportScript { get; } = Read("report.js");

    internal static string ReportStyle { get; } = Read("report.css");

    private static string Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Augur.Reports.Html." + name)
            ?? throw new InvalidOperationException($"the report asset {name} is not embedded in Augur.Reports: rebuild it (the build installs it with npm)");
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();

        // Inlined in a <script> or <style> element, whose content ends at the first "</": none may hide there.
        if (text.Contains("</script", StringComparison.OrdinalIgnoreCase) || text.Contains("</style", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"the report asset {name} contains a closing tag and cannot be inlined");
        }

        return text;
    }
}
