using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Augur.Service.Dashboard;

/// <summary>
/// GET / (the dashboard's page) and its script, style and chart library under /dashboard/. They hold no data and
/// need no token (see <see cref="IsPublic"/>): the page asks for a token and sends it to the JSON API. Every
/// answer carries a Content-Security-Policy that allows only this origin's scripts, styles and API.
/// </summary>
public static class DashboardEndpoints
{
    /// <summary>Scripts, styles and requests from this origin only; no inline script or style, no frames, no form posts.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static readonly Dictionary<string, (byte[] Content, string Type)> Files = new(StringComparer.Ordinal)
    {
        ["/"] = (DashboardAssets.Page, "text/html; charset=utf-8"),
        ["/dashboard/dashboard.js"] = (DashboardAssets.Script, "text/javascript; charset=utf-8"),
        ["/dashboard/dashboard.css"] = (DashboardAssets.Style, "text/css; charset=utf-8"),
        ["/dashboard/uPlot.iife.min.js"] = (DashboardAssets.ChartScript, "text/javascript; charset=utf-8"),
        ["/dashboard/uPlot.min.css"] = (DashboardAssets.ChartStyle, "text/css; charset=utf-8"),
        ["/dashboard/uPlot-LICENSE.txt"] = (DashboardAssets.ChartLicense, "text/plain; charset=utf-8"),
    };

    /// <summary>Whether a request is a GET of one of the dashboard's files, which need no token.</summary>
    public static bool IsPublic(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return HttpMethods.IsGet(request.Method) && Files.ContainsKey(request.Path.Value ?? string.Empty);
    }

    public static void Map(IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        foreach (var (path, (content, type)) in Files)
        {
            routes.MapGet(path, (HttpContext context) =>
                {
                    var headers = context.Response.Headers;
                    headers.ContentSecurityPolicy = ContentSecurityPolicy;
                    headers.XContentTypeOptions = "nosniff";
                    headers.XFrameOptions = "DENY";
                    headers["Referrer-Policy"] = "no-referrer";
                    headers.CacheControl = "no-cache";
                    return Results.Bytes(content, type);
                })
                .ExcludeFromDescription();
        }
    }
}
