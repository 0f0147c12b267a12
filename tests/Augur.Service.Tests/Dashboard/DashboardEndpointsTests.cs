using System.Net;
using Augur.Service.Dashboard;
using Augur.Service.Tests.Api;

namespace Augur.Service.Tests.Dashboard;

public sealed class DashboardEndpointsTests
{
    [Fact]
    public async Task Page_WithoutAToken_IsServedWithItsPolicyAndHoldsNoData()
    {
        await using var service = await TestService.StartAsync();
        using var alice = service.Client("alice");
        await TestService.SubmitAsync(alice, """{"command":"true","name":"secret-report-build"}""");
        using var anonymous = service.Client(null);

        var response = await anonymous.GetAsync(new Uri("/", UriKind.Relative));
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(DashboardEndpoints.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.DoesNotContain("secret-report-build", page, StringComparison.Ordinal);
        Assert.DoesNotContain("alice", page, StringComparison.Ordinal);

        // Nothing inline that the policy would block, and nothing from another origin.
        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<style", page, StringComparison.Ordinal);
        Assert.DoesNotContain(" style=", page, StringComparison.Ordinal);
        Assert.DoesNotContain("http", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/dashboard/dashboard.js", "text/javascript")]
    [InlineData("/dashboard/dashboard.css", "text/css")]
    [InlineData("/dashboard/uPlot.iife.min.js", "text/javascript")]
    [InlineData("/dashboard/uPlot.min.css", "text/css")]
    [InlineData("/dashboard/uPlot-LICENSE.txt", "text/plain")]
    public async Task File_WithoutAToken_IsServedFromTheAssembly(string path, string type)
    {
        await using var service = await TestService.StartAsync();
        using var anonymous = service.Client(null);

        var response = await anonymous.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
        Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(DashboardEndpoints.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task ChartScript_IsTheCopyTheReportsInline()
    {
        await using var service = await TestService.StartAsync();
        using var anonymous = service.Client(null);

        var script = await anonymous.GetStringAsync(new Uri("/dashboard/uPlot.iife.min.js", UriKind.Relative));

        Assert.Equal(Augur.Reports.Html.HtmlAssets.UPlotScript, script);
    }

    [Theory]
    [InlineData("POST", "/")]
    [InlineData("HEAD", "/")]
    [InlineData("DELETE", "/dashboard/dashboard.js")]
    [InlineData("GET", "/dashboard/other.js")]
    [InlineData("GET", "/dashboard/")]
    [InlineData("GET", "/index.html")]
    public async Task OtherPathsAndMethods_WithoutAToken_AreA401(string method, string path)
    {
        await using var service = await TestService.StartAsync();
        using var anonymous = service.Client(null);

        var response = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
