using System.Text.Json;
using Augur.Service.Executors.Local;
using Augur.Service.Store;
using Augur.Service.Tests.Api;

namespace Augur.Service.Tests.Driver;

public sealed class LiveSchedulerTests
{
    [Fact]
    public async Task Start_AfterARestart_PredictsFromTheJobsThatEndedBefore()
    {
        using var folder = new TemporaryFolder();
        var runSeconds = new List<double>();
        await using (var service = await TestService.StartAsync(processors: 1, predictor: "predictor/tsafrir", dataDirectory: folder.Path))
        {
            using var client = service.Client();
            foreach (var sleep in (string[])["2.1", "2.2"])
            {
                var id = await TestService.SubmitAsync(client, $$"""{"command":"sleep","arguments":["{{sleep}}"],"wall_time_seconds":60}""");
                runSeconds.Add((await TestService.WaitForEndAsync(client, id)).GetProperty("run_seconds").GetDouble());
            }
        }

        await using (var restarted = await TestService.StartAsync(processors: 1, predictor: "predictor/tsafrir", dataDirectory: folder.Path))
        {
            using var client = restarted.Client();
            var id = await TestService.SubmitAsync(client, """{"command":"true","wall_time_seconds":60}""");
            var job = await TestService.WaitForEndAsync(client, id);

            // Tsafrir's predictor: the mean of the user's last two run times in whole seconds, rounded down (2 s on
            // an idle machine). Without relearning it would have no history and plan with the request (60 s).
            var expected = ((long)runSeconds[0] + (long)runSeconds[1]) / 2;
            Assert.InRange(expected, 2, 59);
            Assert.Equal(expected, job.GetProperty("predicted_run_seconds").GetDouble());
        }
    }

    [Fact]
    public async Task Start_WithAQueuedJobInTheStore_RunsIt()
    {
        using var folder = new TemporaryFolder();
        long id, blocker;
        await using (var service = await TestService.StartAsync(processors: 1, dataDirectory: folder.Path))
        {
            using var client = service.Client();
            blocker = await TestService.SubmitAsync(client, """{"command":"sleep","arguments":["30"],"wall_time_seconds":60}""");
            id = await TestService.SubmitAsync(client, """{"command":"true","wall_time_seconds":60}""");
            Assert.Equal("queued", (await TestService.JsonOf(await client.GetAsync(new Uri($"/v1/jobs/{id}", UriKind.Relative)))).GetProperty("state").GetString());
        }

        // The blocker's process dies while the service is down, so the restarted service finds it gone.
        using (var store = new JobStore(Path.Combine(folder.Path, "augur.db")))
        {
            var processId = store.Find(blocker)!.ProcessId!.Value;
            Assert.Equal(0, PosixNative.kill(processId, PosixNative.SignalKill));
            while (ProcessInspector.StartTicks(processId) is not null)
            {
                await Task.Delay(10);
            }
        }

        await using var restarted = await TestService.StartAsync(processors: 1, dataDirectory: folder.Path);
        using var again = restarted.Client();
        Assert.Equal("lost", (await TestService.WaitForEndAsync(again, blocker)).GetProperty("state").GetString());
        JsonElement job = await TestService.WaitForEndAsync(again, id);
        Assert.Equal("completed", job.GetProperty("state").GetString());
    }
}
