using Microsoft.Playwright;

namespace Augur.IntegrationTests.Reports;

/// <summary>What a page in the test browser did wrong: console errors and warnings, uncaught errors, and requests outside where it may fetch from.</summary>
public sealed class PageWatch
{
    private readonly List<string> consoleErrors = [];
    private readonly List<string> outsideRequests = [];
    private readonly Lock gate = new();

    private PageWatch()
    {
    }

    public IReadOnlyList<string> ConsoleErrors
    {
        get
        {
            lock (gate)
            {
                return [.. consoleErrors];
            }
        }
    }

    public IReadOnlyList<string> OutsideRequests
    {
        get
        {
            lock (gate)
            {
                return [.. outsideRequests];
            }
        }
    }

    /// <summary>Watches <paramref name="page"/>; a request is outside unless it is a data: URL or <paramref name="isInside"/> accepts it.</summary>
    public static PageWatch Attach(IPage page, Func<string, bool> isInside)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(isInside);
        var watch = new PageWatch();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                watch.Add(watch.consoleErrors, $"{message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => watch.Add(watch.consoleErrors, "page error: " + error);
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith("data:", StringComparison.Ordinal) && !isInside(request.Url))
            {
                watch.Add(watch.outsideRequests, request.Url);
            }
        };
        return watch;
    }

    private void Add(List<string> list, string entry)
    {
        lock (gate)
        {
            list.Add(entry);
        }
    }
}
