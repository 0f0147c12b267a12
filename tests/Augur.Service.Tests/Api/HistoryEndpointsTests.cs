using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace Augur.Service.Tests.Api;

public sealed class HistoryEndpointsTests
{
    [Theory]
    [InlineData("/v1/utilization?seconds=0", "seconds")]
    [InlineData("/v1/utilization?seconds=3601", "seconds")]
    [InlineData("/v1/utilization?seconds=-5", "seconds")]
    [InlineData("/v1/utilization?seconds=1.5", "seconds")]
    [InlineData("/v1/utilization?seconds=ten", "seconds")]
    [InlineData("/v1/finished?limit=0", "limit")]
    [InlineData("/v1/finished?limit=1001", "limit")]
    [InlineData("/v1/finished?limit=%20", "limit")]
    [InlineData("/v1/finished?user=bob", "user")]
    [InlineData("/v1/users?limit=0", "limit")]
    [InlineData("/v1/users?limit=x", "limit")]
    [InlineData("/v1/queue?user=bob", "user")]
    public async Task Get_MalformedQuery_IsA400NamingTheParameter(string path, string parameter)
    {
        await using var service = await TestService.StartAsync();
        using var alice = service.Client("alice");

        var response = await alice.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await TestService.JsonOf(response)).GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Theory]
    [InlineData("/v1/utilization")]
    [InlineData("/v1/finished")]
    [InlineData("/v1/users")]
    public async Task Get_WithoutAToken_IsA401(string path)
    {
        await using var service = await TestService.StartAsync();
        using var anonymous = service.Client(null);

        var response = await anonymous.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Finished_AfterJobsEnd_GivesPlannedAndActualRunTimesNewestFirst()
    {
        await using var service = await TestService.StartAsync(processors: 1, predictor: "predictor/tsafrir");
        using var alice = service.Client("alice");
        var first = await TestService.SubmitAsync(alice, """{"command":"true","name":"first","wall_time_seconds":60}""");
        var firstJob = await TestService.WaitForEndAsync(alice, first);
        var second = await TestService.SubmitAsync(alice, """{"command":"false","name":"second","wall_time_seconds":30}""");
        await TestService.WaitForEndAsync(alice, second);

        var jobs = (await TestService.JsonOf(await alice.GetAsync(new Uri("/v1/finished", UriKind.Relative)))).GetProperty("jobs").EnumerateArray().ToList();

        Assert.Equal([second, first], jobs.Select(job => job.GetProperty("id").GetInt64()));
        Assert.Equal(["failed", "completed"], jobs.Select(job => job.GetProperty("state").GetString()));
        // Tsafrir's predictor has no history for the first job and plans with its request.
        Assert.Equal(60, jobs[1].GetProperty("predicted_run_seconds").GetDouble());
        Assert.Equal(60, jobs[1].GetProperty("wall_time_seconds").GetInt64());
        Assert.Equal(firstJob.GetProperty("run_seconds").GetDouble(), jobs[1].GetProperty("run_seconds").GetDouble(), 6);
        Assert.Equal(firstJob.GetProperty("ended_at").GetDateTimeOffset(), jobs[1].GetProperty("ended_at").GetDateTimeOffset());
        Assert.Equal("first", jobs[1].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Finished_PerUser_ShowsOnlyTheirsAndAnAdminFilters()
    {
        await using var service = await TestService.StartAsync();
        using var alice = service.Client("alice");
        using var bob = service.Client("bob");
        using var root = service.Client("root");
        var aliceJob = await TestService.SubmitAsync(alice, """{"command":"true"}""");
        var bobJob = await TestService.SubmitAsync(bob, """{"command":"true"}""");
        await TestService.WaitForEndAsync(alice, aliceJob);
        await TestService.WaitForEndAsync(bob, bobJob);

        Assert.Equal([bobJob], await FinishedIds(bob, "/v1/finished"));
        Assert.Equal([aliceJob], await FinishedIds(root, "/v1/finished?user=alice"));
        Assert.Equal([aliceJob, bobJob], (await FinishedIds(root, "/v1/finished")).Order());
    }

    [Fact]
    public async Task Users_WithQueuedRunningAndCancelledJobs_CountsEachUserAndShowsAUserOnlyThemselves()
    {
        await using var service = await TestService.StartAsync(processors: 1);
        using var alice = service.Client("alice");
        using var bob = service.Client("bob");
        using var root = service.Client("root");
        var running = await TestService.SubmitAsync(alice, """{"command":"sleep","arguments":["30"],"wall_time_seconds":60}""");
        var cancelled = await TestService.SubmitAsync(alice, """{"command":"true","wall_time_seconds":60}""");
        await TestService.SubmitAsync(bob, """{"command":"true","wall_time_seconds":60}""");
        await alice.PostAsync(new Uri($"/v1/jobs/{cancelled}/cancel", UriKind.Relative), null);

        var own = await TestService.JsonOf(await alice.GetAsync(new Uri("/v1/users", UriKind.Relative)));
        var all = await TestService.JsonOf(await root.GetAsync(new Uri("/v1/users", UriKind.Relative)));

        Assert.Equal("alice", own.GetProperty("caller").GetString());
        Assert.False(own.GetProperty("admin").GetBoolean());
        Assert.Equal(["alice|0|0|1|1|1"], Rows(own));
        Assert.True(all.GetProperty("admin").GetBoolean());
        Assert.Equal(2, all.GetProperty("total_users").GetInt32());
        Assert.Equal(["alice|0|0|1|1|1", "bob|1|1|0|0|0"], Rows(all));
        await alice.PostAsync(new Uri($"/v1/jobs/{running}/cancel", UriKind.Relative), null);
    }

    [Fact]
    public async Task Queue_AnAdminWithAUser_ShowsOnlyThatUsersEntriesAtGlobalPositions()
    {
        await using var service = await TestService.StartAsync(processors: 1);
        using var alice = service.Client("alice");
        using var bob = service.Client("bob");
        using var root = service.Client("root");
        var blocker = await TestService.SubmitAsync(alice, """{"command":"sleep","arguments":["30"],"wall_time_seconds":60}""");
        await TestService.SubmitAsync(alice, """{"command":"true","wall_time_seconds":60}""");
        var bobJob = await TestService.SubmitAsync(bob, """{"command":"true","wall_time_seconds":60}""");

        var queue = await TestService.JsonOf(await root.GetAsync(new Uri("/v1/queue?user=bob", UriKind.Relative)));

        var entry = Assert.Single(queue.GetProperty("jobs").EnumerateArray());
        Assert.Equal(bobJob, entry.GetProperty("id").GetInt64());
        Assert.Equal(2, entry.GetProperty("position").GetInt32());
        await alice.PostAsync(new Uri($"/v1/jobs/{blocker}/cancel", UriKind.Relative), null);
    }

    [Fact]
    public async Task Utilization_WhileAJobHoldsTheMachine_ShowsEveryProcessorBusy()
    {
        await using var service = await TestService.StartAsync(processors: 2);
        using var alice = service.Client("alice");
        var id = await TestService.SubmitAsync(alice, """{"command":"sleep","arguments":["60"],"resources":{"procs":2},"wall_time_seconds":120}""");

        // Once a whole second has passed with the job running, the latest bucket's mean is exactly 2.
        var deadline = Stopwatch.StartNew();
        JsonElement utilization;
        while (true)
        {
            utilization = await TestService.JsonOf(await alice.GetAsync(new Uri("/v1/utilization?seconds=5", UriKind.Relative)));
            var busy = utilization.GetProperty("busy_procs").EnumerateArray().Select(value => value.GetDouble()).ToList();
            if (busy.Count >= 2 && busy[^1] == 2 && busy[^2] == 2)
            {
                break;
            }

            Assert.True(deadline.Elapsed < TestService.HangGuard, $"never two busy processors for a whole second: {utilization}");
            await Task.Delay(100);
        }

        Assert.Equal(2, utilization.GetProperty("total_procs").GetInt32());
        Assert.Equal(1, utilization.GetProperty("resolution_seconds").GetDouble());
        Assert.InRange(utilization.GetProperty("busy_procs").GetArrayLength(), 2, 5);
        Assert.Equal(1, utilization.GetProperty("running_jobs").EnumerateArray().Last().GetInt32());
        Assert.Equal(utilization.GetProperty("busy_procs").GetArrayLength(), utilization.GetProperty("waiting_jobs").GetArrayLength());
        var start = utilization.GetProperty("start").GetDateTimeOffset();
        Assert.Equal(0, start.Ticks % TimeSpan.TicksPerSecond);
        await alice.PostAsync(new Uri($"/v1/jobs/{id}/cancel", UriKind.Relative), null);
    }

    private static async Task<List<long>> FinishedIds(HttpClient client, string path) =>
        [.. (await TestService.JsonOf(await client.GetAsync(new Uri(path, UriKind.Relative)))).GetProperty("jobs").EnumerateArray().Select(job => job.GetProperty("id").GetInt64())];

    private static List<string> Rows(JsonElement users) =>
        [.. users.GetProperty("users").EnumerateArray().Select(user => string.Join('|',
            user.GetProperty("user").GetString(),
            user.GetProperty("queued_jobs").GetInt32(),
            user.GetProperty("queued_procs").GetInt64(),
            user.GetProperty("running_jobs").GetInt32(),
            user.GetProperty("busy_procs").GetInt64(),
            user.GetProperty("finished_jobs").GetInt64()))];
}
