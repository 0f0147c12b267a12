using System.Net;
using System.Text.Json;

namespace Augur.Service.Tests.Api;

public sealed class ClusterEndpointsTests
{
    [Fact]
    public async Task Queue_BehindALongJob_PredictsStartsAtItsPlannedEnd()
    {
        await using var service = await TestService.StartAsync(processors: 1);
        using var client = service.Client();
        var runningId = await TestService.SubmitAsync(client, """{"command":"sleep","arguments":["30"],"wall_time_seconds":100}""");
        await TestService.SubmitAsync(client, """{"command":"true","wall_time_seconds":50}""");
        await TestService.SubmitAsync(client, """{"command":"true","wall_time_seconds":10}""");

        var queue = await TestService.JsonOf(await client.GetAsync(new Uri("/v1/queue", UriKind.Relative)));
        Assert.Equal(2, queue.GetProperty("waiting").GetInt32());
        var entries = queue.GetProperty("jobs").EnumerateArray().ToList();
        Assert.Equal([1, 2], entries.Select(entry => entry.GetProperty("position").GetInt32()));
        var started = (await TestService.JsonOf(await client.GetAsync(new Uri($"/v1/jobs/{runningId}", UriKind.Relative)))).GetProperty("started_at").GetDateTimeOffset();
        Assert.Equal(started.AddSeconds(100), entries[0].GetProperty("predicted_start").GetDateTimeOffset());
        Assert.Equal(started.AddSeconds(150), entries[1].GetProperty("predicted_start").GetDateTimeOffset());
        await client.PostAsync(new Uri($"/v1/jobs/{runningId}/cancel", UriKind.Relative), null);
    }

    [Fact]
    public async Task Queue_ForAUser_ShowsOnlyTheirJobsAtGlobalPositionsAndNoPredictionPast1000()
    {
        await using var service = await TestService.StartAsync(processors: 1);
        using var alice = service.Client("alice");
        using var bob = service.Client("bob");
        var blocker = await TestService.SubmitAsync(alice, """{"command":"sleep","arguments":["30"],"wall_time_seconds":100}""");
        var bobFirst = await TestService.SubmitAsync(bob, """{"command":"true","wall_time_seconds":10}""");
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 125; i++)
            {
                await TestService.SubmitAsync(alice, """{"command":"true","wall_time_seconds":10}""");
            }
        })));
        var bobLast = await TestService.SubmitAsync(bob, """{"command":"true","wall_time_seconds":10}""");

        var queue = await TestService.JsonOf(await bob.GetAsync(new Uri("/v1/queue", UriKind.Relative)));
        Assert.Equal(1002, queue.GetProperty("waiting").GetInt32());
        var entries = queue.GetProperty("jobs").EnumerateArray().ToList();
        Assert.Equal([bobFirst, bobLast], entries.Select(entry => entry.GetProperty("id").GetInt64()));
        Assert.Equal([1, 1002], entries.Select(entry => entry.GetProperty("position").GetInt32()));
        Assert.Equal(JsonValueKind.String, entries[0].GetProperty("predicted_start").ValueKind);
        Assert.Equal(JsonValueKind.Null, entries[1].GetProperty("predicted_start").ValueKind);
        await alice.PostAsync(new Uri($"/v1/jobs/{blocker}/cancel", UriKind.Relative), null);
    }

    [Theory]
    [InlineData("?limit=0")]
    [InlineData("?limit=x")]
    public async Task Queue_MalformedLimit_IsA400(string query)
    {
        await using var service = await TestService.StartAsync();
        using var client = service.Client();
        var response = await client.GetAsync(new Uri("/v1/queue" + query, UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await TestService.JsonOf(response)).GetProperty("errors").TryGetProperty("limit", out _));
    }

    [Fact]
    public async Task Cluster_ReportsTheMachineAndThePolicy()
    {
        await using var service = await TestService.StartAsync(processors: 2, policy: "backfill/easy", predictor: "predictor/tsafrir");
        using var client = service.Client();
        var cluster = await TestService.JsonOf(await client.GetAsync(new Uri("/v1/cluster", UriKind.Relative)));
        Assert.Equal(2, cluster.GetProperty("total").GetProperty("procs").GetInt32());
        Assert.Equal("backfill/easy", cluster.GetProperty("policy").GetString());
        Assert.Equal("predictor/tsafrir", cluster.GetProperty("predictor").GetString());
    }

    [Fact]
    public async Task Metrics_AfterAJob_ReportsGaugesAndTheLatencyHistogram()
    {
        await using var service = await TestService.StartAsync();
        using var client = service.Client();
        var id = await TestService.SubmitAsync(client, """{"command":"true"}""");
        await TestService.WaitForEndAsync(client, id);
        var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("augur_queue_length 0\n", text, StringComparison.Ordinal);
        Assert.Contains("augur_finished_jobs_total 1\n", text, StringComparison.Ordinal);
        Assert.Contains("augur_scheduling_latency_seconds_bucket{le=\"+Inf\"}", text, StringComparison.Ordinal);
        Assert.Contains("augur_utilization_ratio", text, StringComparison.Ordinal);
        Assert.Contains("augur_prediction_absolute_error_seconds", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_ListsEveryEndpoint()
    {
        await using var service = await TestService.StartAsync();
        using var client = service.Client();
        var document = await TestService.JsonOf(await client.GetAsync(new Uri("/openapi.json", UriKind.Relative)));
        var paths = document.GetProperty("paths").EnumerateObject().Select(path => path.Name).ToHashSet();
        Assert.Superset(new HashSet<string> { "/v1/jobs", "/v1/jobs/{id}", "/v1/jobs/{id}/cancel", "/v1/queue", "/v1/cluster", "/metrics", "/healthz", "/v1/utilization", "/v1/finished", "/v1/users" }, paths);
        Assert.Equal(JsonValueKind.Object, document.GetProperty("paths").GetProperty("/v1/jobs").GetProperty("post").GetProperty("requestBody").ValueKind);
    }
}
