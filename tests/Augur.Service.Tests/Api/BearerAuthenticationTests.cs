using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Augur.Service.Tests.Api;

public sealed class BearerAuthenticationTests
{
    [Theory]
    [InlineData("GET", "/v1/jobs")]
    [InlineData("POST", "/v1/jobs")]
    [InlineData("GET", "/v1/jobs/1")]
    [InlineData("POST", "/v1/jobs/1/cancel")]
    [InlineData("GET", "/v1/queue")]
    [InlineData("GET", "/v1/cluster")]
    [InlineData("GET", "/metrics")]
    [InlineData("GET", "/openapi.json")]
    public async Task Request_WithoutToken_IsA401Problem(string method, string path)
    {
        await using var service = await TestService.StartAsync();
        using var client = service.Client(user: null);
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Theory]
    [InlineData("Bearer augur_000000000000_wrong")]
    [InlineData("Bearer nonsense")]
    [InlineData("Basic YWxpY2U6eA==")]
    public async Task Request_WithWrongToken_IsA401(string header)
    {
        await using var service = await TestService.StartAsync();
        using var client = service.Client(user: null);
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", header);
        var response = await client.GetAsync(new Uri("/v1/jobs", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Request_WithAliceSecretUnderAnotherId_IsA401()
    {
        await using var service = await TestService.StartAsync();
        using var client = service.Client(user: null);
        var parts = service.Tokens["alice"].Split('_', 3);
        var bobId = service.Tokens["bob"].Split('_', 3)[1];
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", $"augur_{bobId}_{parts[2]}");
        var response = await client.GetAsync(new Uri("/v1/jobs", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Health_WithoutToken_IsOk()
    {
        await using var service = await TestService.StartAsync();
        using var client = service.Client(user: null);
        var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AnotherUsersJob_IsHiddenFromAUserAndShownToAnAdmin()
    {
        await using var service = await TestService.StartAsync(processors: 1);
        using var alice = service.Client("alice");
        using var bob = service.Client("bob");
        using var root = service.Client("root");
        var created = await alice.PostAsJsonAsync(new Uri("/v1/jobs", UriKind.Relative), new { command = "true" });
        var id = (await TestService.JsonOf(created)).GetProperty("id").GetInt64();
        await bob.PostAsJsonAsync(new Uri("/v1/jobs", UriKind.Relative), new { command = "true" });

        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync(new Uri($"/v1/jobs/{id}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.PostAsync(new Uri($"/v1/jobs/{id}/cancel", UriKind.Relative), null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await root.GetAsync(new Uri($"/v1/jobs/{id}", UriKind.Relative))).StatusCode);

        var bobsList = await TestService.JsonOf(await bob.GetAsync(new Uri("/v1/jobs", UriKind.Relative)));
        Assert.All(bobsList.GetProperty("jobs").EnumerateArray(), job => Assert.Equal("bob", job.GetProperty("user").GetString()));
        var everyone = await TestService.JsonOf(await root.GetAsync(new Uri("/v1/jobs", UriKind.Relative)));
        Assert.Equal(["alice", "bob"], everyone.GetProperty("jobs").EnumerateArray().Select(job => job.GetProperty("user").GetString()).Order());
    }

    [Fact]
    public async Task Submit_AdminForAnotherUser_IsThatUsersJob()
    {
        await using var service = await TestService.StartAsync();
        using var root = service.Client("root");
        var created = await root.PostAsJsonAsync(new Uri("/v1/jobs", UriKind.Relative), new { command = "true", user = "carol" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("carol", (await TestService.JsonOf(created)).GetProperty("user").GetString());
    }
}
