using System.Net;
using System.Text;

namespace Augur.Service.Tests.Api;

public sealed class JobEndpointsTests
{
    private static readonly Uri Jobs = new("/v1/jobs", UriKind.Relative);

    [Fact]
    public async Task Submit_ValidJob_IsDurableRunsAndRecordsItsOutcome()
    {
        await using var service = await TestService.StartAsync();
        using var client = service.Client();
        var response = await TestService.PostJobAsync(client, """{"command":"sh","arguments":["-c","echo out; echo err >&2; exit 3"],"wall_time_seconds":30,"tags":["t1"]}""");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await TestService.JsonOf(response);
        var id = created.GetProperty("id").GetInt64();
        Assert.Equal($"/v1/jobs/{id}", response.Headers.Location?.ToString());
        Assert.Equal("alice", created.GetProperty("user").GetString());

        var ended = await TestService.WaitForEndAsync(client, id);
        Assert.Equal("failed", ended.GetProperty("state").GetString());
        Assert.Equal(3, ended.GetProperty("exit_code").GetInt32());
        Assert.True(ended.GetProperty("run_seconds").GetDouble() >= 0);
        var folder = Path.Combine(service.Options.RunsDirectory, id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("out\n", await File.ReadAllTextAsync(Path.Combine(folder, "stdout")));
        Assert.Equal("err\n", await File.ReadAllTextAsync(Path.Combine(folder, "stderr")));
    }

    [Fact]
    public async Task Submit_SameIdempotencyKeyTwice_ReturnsTheFirstJob()
    {
        await using var service = await TestService.StartAsync();
        using var client = service.Client();
        var first = await Send(client, """{"command":"true"}""", key: "k-1");
        var second = await Send(client, """{"command":"true"}""", key: "k-1");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal((await TestService.JsonOf(first)).GetProperty("id").GetInt64(), (await TestService.JsonOf(second)).GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task Submit_SameIdempotencyKeyWithAnotherBody_Conflicts()
    {
        await using var service = await TestService.StartAsync();
        using var client = service.Client();
        await Send(client, """{"command":"true"}""", key: "k-2");
        var second = await Send(client, """{"command":"false"}""", key: "k-2");
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("{", "body")]
    [InlineData("[1]", "body")]
    [InlineData("{}", "command")]
    [InlineData("""{"command":""}""", "command")]
    [InlineData("""{"command":5}""", "command")]
    [InlineData("""{"command":"true","colour":"red"}""", "colour")]
    [InlineData("""{"command":"true","arguments":"x"}""", "arguments")]
    [InlineData("""{"command":"true","arguments":[1]}""", "arguments[0]")]
    [InlineData("""{"command":"true","shell":true,"arguments":["a"]}""", "arguments")]
    [InlineData("""{"command":"true","shell":"yes"}""", "shell")]
    [InlineData("""{"command":"true","resources":{"procs":0}}""", "resources.procs")]
    [InlineData("""{"command":"true","resources":{"procs":3}}""", "resources.procs")]
    [InlineData("""{"command":"true","resources":{"procs":1.5}}""", "resources.procs")]
    [InlineData("""{"command":"true","resources":{"memory_mb":-1}}""", "resources.memory_mb")]
    [InlineData("""{"command":"true","resources":{"gpus":1}}""", "resources.gpus")]
    [InlineData("""{"command":"true","resources":{"cpus":1}}""", "resources.cpus")]
    [InlineData("""{"command":"true","resources":7}""", "resources")]
    [InlineData("""{"command":"true","wall_time_seconds":0}""", "wall_time_seconds")]
    [InlineData("""{"command":"true","wall_time_seconds":"1h"}""", "wall_time_seconds")]
    [InlineData("""{"command":"true","user":"bob"}""", "user")]
    [InlineData("""{"command":"true","user":"no spaces"}""", "user")]
    [InlineData("""{"command":"true","tags":[""]}""", "tags[0]")]
    [InlineData("""{"command":"true","requeue":1}""", "requeue")]
    public async Task Submit_MalformedBody_IsA400NamingTheField(string body, string field)
    {
        await using var service = await TestService.StartAsync();
        using var client = service.Client();
        var response = await Send(client, body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await TestService.JsonOf(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {problem}");
    }

    [Fact]
    public async Task Submit_BadIdempotencyKey_IsA400()
    {
        await using var service = await TestService.StartAsync();
        using var client = service.Client();
        var response = await Send(client, """{"command":"true"}""", key: new string('k', 201));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await TestService.JsonOf(response)).GetProperty("errors").TryGetProperty("Idempotency-Key", out _));
    }

    [Fact]
    public async Task Submit_BodyOverTheLimit_IsA413()
    {
        await using var service = await TestService.StartAsync();
        using var client = service.Client();
        var response = await Send(client, $$"""{"command":"true","name":"{{new string('n', 20_000)}}"}""");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Submit_NotJsonContentType_IsA415()
    {
        await using var service = await TestService.StartAsync();
        using var client = service.Client();
        using var content = new StringContent("""{"command":"true"}""", Encoding.UTF8, "text/plain");
        var response = await client.PostAsync(Jobs, content);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Submit_UnknownProgram_FailsWithTheReason()
    {
        await using var service = await TestService.StartAsync();
        using var client = service.Client();
        var id = (await TestService.JsonOf(await Send(client, """{"command":"/no/such/program"}"""))).GetProperty("id").GetInt64();
        var ended = await TestService.WaitForEndAsync(client, id);
        Assert.Equal("failed", ended.GetProperty("state").GetString());
        Assert.Contains("cannot start", ended.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_JobPastItsWallTime_EndsAsTimeout()
    {
        await using var service = await TestService.StartAsync();
        using var client = service.Client();
        var id = (await TestService.JsonOf(await Send(client, """{"command":"sleep","arguments":["30"],"wall_time_seconds":1}"""))).GetProperty("id").GetInt64();
        var ended = await TestService.WaitForEndAsync(client, id);
        Assert.Equal("timeout", ended.GetProperty("state").GetString());
        Assert.Contains("wall-time limit", ended.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_MalformedId_IsA400()
    {
        await using var service = await TestService.StartAsync();
        using var client = service.Client();
        var response = await client.GetAsync(new Uri("/v1/jobs/x1", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await TestService.JsonOf(response)).GetProperty("errors").TryGetProperty("id", out _));
    }

    [Fact]
    public async Task Get_UnknownId_IsA404Problem()
    {
        await using var service = await TestService.StartAsync();
        using var client = service.Client();
        var response = await client.GetAsync(new Uri("/v1/jobs/999", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("?state=done", "state")]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=1001", "limit")]
    [InlineData("?after=-1", "after")]
    [InlineData("?user=bob", "user")]
    public async Task List_MalformedQuery_IsA400NamingTheParameter(string query, string field)
    {
        await using var service = await TestService.StartAsync();
        using var client = service.Client();
        var response = await client.GetAsync(new Uri("/v1/jobs" + query, UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await TestService.JsonOf(response)).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task List_InPages_ReturnsEveryJobOnceInOrder()
    {
        await using var service = await TestService.StartAsync(processors: 1);
        using var client = service.Client();
        var ids = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await TestService.JsonOf(await Send(client, """{"command":"true"}"""))).GetProperty("id").GetInt64());
        }

        var seen = new List<long>();
        long? after = 0;
        while (after is { } cursor)
        {
            var page = await TestService.JsonOf(await client.GetAsync(new Uri($"/v1/jobs?limit=2&after={cursor}", UriKind.Relative)));
            seen.AddRange(page.GetProperty("jobs").EnumerateArray().Select(job => job.GetProperty("id").GetInt64()));
            after = page.GetProperty("next_after").ValueKind == System.Text.Json.JsonValueKind.Null ? null : page.GetProperty("next_after").GetInt64();
        }

        Assert.Equal(ids, seen);
    }

    [Fact]
    public async Task Cancel_QueuedJob_CancelsItAndAnEndedOneConflicts()
    {
        await using var service = await TestService.StartAsync(processors: 1);
        using var client = service.Client();
        var blocker = (await TestService.JsonOf(await Send(client, """{"command":"sleep","arguments":["30"],"wall_time_seconds":60}"""))).GetProperty("id").GetInt64();
        var queued = (await TestService.JsonOf(await Send(client, """{"command":"true","wall_time_seconds":60}"""))).GetProperty("id").GetInt64();

        var cancelled = await client.PostAsync(new Uri($"/v1/jobs/{queued}/cancel", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("cancelled", (await TestService.JsonOf(cancelled)).GetProperty("state").GetString());
        var again = await client.PostAsync(new Uri($"/v1/jobs/{queued}/cancel", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        var stopping = await client.PostAsync(new Uri($"/v1/jobs/{blocker}/cancel", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Accepted, stopping.StatusCode);
        Assert.Equal("cancelled", (await TestService.WaitForEndAsync(client, blocker)).GetProperty("state").GetString());
    }

    [Theory]
    [InlineData("GET", "/v1/nothing-here", 404)]
    [InlineData("DELETE", "/v1/jobs/1", 405)]
    public async Task Request_UnknownRouteOrMethod_IsAProblem(string method, string path, int status)
    {
        await using var service = await TestService.StartAsync();
        using var client = service.Client();
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        var response = await client.SendAsync(request);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Cancel_MalformedId_IsA400()
    {
        await using var service = await TestService.StartAsync();
        using var client = service.Client();
        var response = await client.PostAsync(new Uri("/v1/jobs/0/cancel", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, string body, string? key = null) => TestService.PostJobAsync(client, body, key);
}
