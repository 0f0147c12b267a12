using Augur.Service.Tests.Api;
using Microsoft.Data.Sqlite;

namespace Augur.Service.Tests.Driver;

public sealed class RecoveryTests
{
    [Fact]
    public async Task Start_WithItsJobsProcessStillRunning_ReadoptsIt()
    {
        using var folder = new TemporaryFolder();
        long id;
        await using (var service = await TestService.StartAsync(processors: 1, dataDirectory: folder.Path))
        {
            using var client = service.Client();
            id = await TestService.SubmitAsync(client, """{"command":"sleep","arguments":["8"],"wall_time_seconds":60}""");
            while ((await TestService.JsonOf(await client.GetAsync(new Uri($"/v1/jobs/{id}", UriKind.Relative)))).GetProperty("state").GetString() != "running")
            {
                await Task.Delay(20);
            }
        }

        // A stopped service leaves its jobs running; the next one finds the same process (pid and start time).
        await using var restarted = await TestService.StartAsync(processors: 1, dataDirectory: folder.Path);
        using var again = restarted.Client();
        var cluster = await TestService.JsonOf(await again.GetAsync(new Uri("/v1/cluster", UriKind.Relative)));
        Assert.Equal(1, cluster.GetProperty("running_jobs").GetInt32());
        var job = await TestService.WaitForEndAsync(again, id);
        Assert.Equal("completed", job.GetProperty("state").GetString());
        Assert.Contains("adopted", job.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, job.GetProperty("attempts").GetInt32());
    }

    [Fact]
    public async Task Start_WithARunningJobWhoseProcessIsGone_MarksItLostOrRequeuesIt()
    {
        using var folder = new TemporaryFolder();
        long kept, requeued;
        await using (var service = await TestService.StartAsync(processors: 1, dataDirectory: folder.Path))
        {
            using var client = service.Client();
            kept = await TestService.SubmitAsync(client, """{"command":"true","wall_time_seconds":60}""");
            requeued = await TestService.SubmitAsync(client, """{"command":"true","wall_time_seconds":60,"requeue":true}""");
            await TestService.WaitForEndAsync(client, kept);
            await TestService.WaitForEndAsync(client, requeued);
        }

        // As a crash would leave them: marked running, with a process that no longer exists.
        SqliteConnection.ClearAllPools();
        using (var connection = new SqliteConnection($"Data Source={Path.Combine(folder.Path, "augur.db")}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"UPDATE jobs SET state = 'running', start_us = submit_us, end_us = NULL, exit_code = NULL, reason = NULL, pid = 999999999, pid_start_ticks = 1, attempts = 1 WHERE id IN ({kept}, {requeued})";
            Assert.Equal(2, command.ExecuteNonQuery());
        }

        SqliteConnection.ClearAllPools();
        await using var restarted = await TestService.StartAsync(processors: 1, dataDirectory: folder.Path);
        using var again = restarted.Client();
        var lost = await TestService.WaitForEndAsync(again, kept);
        Assert.Equal("lost", lost.GetProperty("state").GetString());
        Assert.Contains("pid 999999999", lost.GetProperty("reason").GetString(), StringComparison.Ordinal);
        var rerun = await TestService.WaitForEndAsync(again, requeued);
        Assert.Equal("completed", rerun.GetProperty("state").GetString());
        Assert.Equal(2, rerun.GetProperty("attempts").GetInt32());
        Assert.StartsWith("lost once", rerun.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }
}
