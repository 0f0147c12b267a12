using System.Reflection;
using Augur.Reports.Html;

namespace Augur.Service.Dashboard;

/// <summary>
/// The dashboard's files, embedded in this assembly at build time (Assets/), and uPlot, the very copy the HTML
/// reports inline (Augur.Reports installs it from npm): the page fetches nothing from anywhere else.
/// </summary>
internal static class DashboardAssets
{
    public static byte[] Page { get; } = Read("dashboard.html");

    public static byte[] Script { get; } = Read("dashboard.js");

    public static byte[] Style { get; } = Read("dashboard.css");

    public static byte[] ChartScript { get; } = System.Text.Encoding.UTF8.GetBytes(HtmlAssets.UPlotScript);

    public static byte[] ChartStyle { get; } = System.Text.Encoding.UTF8.GetBytes(HtmlAssets.UPlotStyle);

    public static byte[] ChartLicense { get; } = System.Text.Encoding.UTF8.GetBytes(HtmlAssets.UPlotLicense);

    private static byte[] Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Augur.Service.Dashboard." + name)
            ?? throw new InvalidOperationException($"the dashboard file {name} is not embedded in Augur.Service: rebuild it");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
