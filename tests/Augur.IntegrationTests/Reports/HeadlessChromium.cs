using Microsoft.Playwright;

namespace Augur.IntegrationTests.Reports;

/// <summary>
/// Debian's chromium (/usr/bin/chromium, or AUGUR_CHROMIUM), headless, driven by Playwright: one browser per
/// test class. Started as this machine needs it: no sandbox (root), no GPU, no background networking or
/// component updates (there is no network), and a fresh profile folder, deleted at the end.
/// </summary>
public sealed class HeadlessChromium : IAsyncLifetime
{
    private readonly string profile = Directory.CreateTempSubdirectory("augur-chromium-").FullName;
    private IPlaywright? playwright;
    private IBrowserContext? context;

    public static string ExecutablePath => Environment.GetEnvironmentVariable("AUGUR_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"{ExecutablePath} is missing: ./test.sh installs Debian's chromium package (or set AUGUR_CHROMIUM)");
        }

        playwright = await Playwright.CreateAsync();
        context = await playwright.Chromium.LaunchPersistentContextAsync(profile, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"],
            ViewportSize = new ViewportSize { Width = 1100, Height = 900 },
        });
    }

    public async Task DisposeAsync()
    {
        if (context is not null)
        {
            await context.CloseAsync();
        }

        playwright?.Dispose();
        Directory.Delete(profile, recursive: true);
    }

    /// <summary>A new tab, watched for console errors and for requests that do not satisfy <paramref name="isInside"/> (data: URLs are inside); the caller closes it.</summary>
    public async Task<(IPage Page, PageWatch Watch)> NewWatchedPageAsync(Func<string, bool> isInside)
    {
        var page = await context!.NewPageAsync();
        return (page, PageWatch.Attach(page, isInside));
    }

    /// <summary>Opens a report file, waits until its script says it is done, and reads what it drew.</summary>
    public async Task<RenderedReport> OpenAsync(string path)
    {
        var page = await context!.NewPageAsync();
        var watch = PageWatch.Attach(page, url => url.StartsWith("file:", StringComparison.Ordinal));
        try
        {
            await page.GotoAsync(new Uri(Path.GetFullPath(path)).AbsoluteUri);
            await page.WaitForFunctionAsync("() => window.augurReport && window.augurReport.done", null, new PageWaitForFunctionOptions { Timeout = 60_000 });
            var charts = Read<RenderedChart[]>(await page.EvaluateAsync<string>($"() => JSON.stringify(({InspectCharts})())"));
            var status = Read<ReportStatus>(await page.EvaluateAsync<string>("() => JSON.stringify({ charts: augurReport.charts, drawn: augurReport.drawn, empty: augurReport.empty, failed: augurReport.failed, renderMs: augurReport.renderMs })"));
            return new RenderedReport(status, charts, watch.ConsoleErrors, watch.OutsideRequests);
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    private static readonly System.Text.Json.JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    private static T Read<T>(string json) =>
        System.Text.Json.JsonSerializer.Deserialize<T>(json, JsonOptions)
        ?? throw new InvalidOperationException("the page returned null");

    /// <summary>
    /// For each chart section: its uPlot's series with at least one finite value, how many pixels of its plot
    /// area are coloured (grid, axes and text are grey; every data colour is saturated, so coloured pixels are
    /// data that reached the canvas), and for each series how many pixels have that series' own colour (series
    /// i is drawn in palette colour i - 1), so that a series that drew nothing is seen even beside one that did.
    /// </summary>
    private const string InspectCharts = """
        () => Array.from(document.querySelectorAll('section.chart')).map(section => {
          const id = section.id.replace(/^chart-/, '');
          const plot = augurReport.plots[id];
          const result = { id: id, seriesWithData: 0, series: 0, colouredPixels: 0, empty: !plot, seriesPixels: [] };
          if (!plot) { return result; }
          result.series = plot.series.length - 1;
          const colours = [];
          for (let i = 1; i < plot.data.length; i++) {
            const hasData = plot.data[i].some(v => v !== null && Number.isFinite(v));
            if (hasData) { result.seriesWithData++; }
            const hex = augurReport.palette[(i - 1) % augurReport.palette.length];
            colours.push({ hasData: hasData, r: parseInt(hex.substr(1, 2), 16), g: parseInt(hex.substr(3, 2), 16), b: parseInt(hex.substr(5, 2), 16) });
            result.seriesPixels.push(0);
          }
          const canvas = section.querySelector('canvas');
          const context = canvas.getContext('2d');
          const box = plot.bbox;
          const pixels = context.getImageData(Math.round(box.left), Math.round(box.top), Math.max(1, Math.round(box.width)), Math.max(1, Math.round(box.height))).data;
          for (let p = 0; p < pixels.length; p += 4) {
            const high = Math.max(pixels[p], pixels[p + 1], pixels[p + 2]);
            const low = Math.min(pixels[p], pixels[p + 1], pixels[p + 2]);
            if (pixels[p + 3] > 0 && high - low > 40) { result.colouredPixels++; }
            for (let s = 0; s < colours.length; s++) {
              const c = colours[s];
              if (pixels[p + 3] > 200 && Math.abs(pixels[p] - c.r) < 24 && Math.abs(pixels[p + 1] - c.g) < 24 && Math.abs(pixels[p + 2] - c.b) < 24) { result.seriesPixels[s]++; }
            }
          }
          return result;
        })
        """;
}
