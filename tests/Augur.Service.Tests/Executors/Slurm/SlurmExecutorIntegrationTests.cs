using System.Diagnostics;
using System.Text.Json;
using Augur.Service.Executors.Slurm;
using Augur.Service.Tests.Api;

namespace Augur.Service.Tests.Executors.Slurm;

/// <summary>
/// executor/slurm against a real Slurm 22.05 (scripts/slurm/start.sh): jobs go in through the HTTP API and are
/// checked in squeue, in the jobcomp log and in their run folders.
/// </summary>
public sealed class SlurmExecutorIntegrationTests(LocalSlurm slurm) : IClassFixture<LocalSlurm>
{
    [Fact]
    public async Task Submit_ThroughTheApi_RunsInSlurmAndEndsWithItsExitCode()
    {
        await using var service = await StartAsync(Settings());
        using var client = service.Client();

        var id = await TestService.SubmitAsync(client, """{"command":"sh","arguments":["-c","echo out; echo err >&2; exit 3"],"wall_time_seconds":60}""");
        var slurmJobId = await SlurmJobIdAsync(client, id);
        var job = await TestService.WaitForEndAsync(client, id);

        // squeue knows it by Augur's name for it (finished jobs stay MinJobAge = 300 s).
        var squeue = slurm.Client("squeue", "-h", "--states=all", $"--jobs={slurmJobId}", "-o", "%j|%T");
        Assert.Equal($"{SlurmExecutor.NamePrefix(service.Options.DataDirectory)}{id}|FAILED", squeue.Output.Trim());
        Assert.Equal("failed", job.GetProperty("state").GetString());
        Assert.Equal(3, job.GetProperty("exit_code").GetInt32());
        Assert.Equal(slurmJobId, job.GetProperty("slurm_job_id").GetInt64());
        Assert.True(job.GetProperty("started_at").GetDateTimeOffset() <= job.GetProperty("ended_at").GetDateTimeOffset());
        var folder = Path.Combine(service.Options.RunsDirectory, id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("out\n", File.ReadAllText(Path.Combine(folder, "stdout")));
        Assert.Equal("err\n", File.ReadAllText(Path.Combine(folder, "stderr")));
    }

    [Fact]
    public async Task Submit_JobsEnvironment_HasItsIdAndRunFolder()
    {
        await using var service = await StartAsync(Settings());
        using var client = service.Client();

        var id = await TestService.SubmitAsync(client, """{"command":"sh","arguments":["-c","echo $AUGUR_JOB_ID $AUGUR_RUN_DIR; pwd"],"resources":{"procs":2}}""");
        var job = await TestService.WaitForEndAsync(client, id);

        var folder = Path.Combine(service.Options.RunsDirectory, id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("completed", job.GetProperty("state").GetString());
        Assert.Equal($"{id} {folder}\n{folder}\n", File.ReadAllText(Path.Combine(folder, "stdout")));
    }

    [Fact]
    public async Task Cancel_RunningJob_IsCancelledInSlurm()
    {
        await using var service = await StartAsync(Settings());
        using var client = service.Client();
        var id = await TestService.SubmitAsync(client, """{"command":"sleep","arguments":["120"]}""");
        var slurmJobId = await SlurmJobIdAsync(client, id);
        await WaitForSlurmStateAsync(slurmJobId, "RUNNING");

        var cancel = await client.PostAsync(new Uri($"/v1/jobs/{id}/cancel", UriKind.Relative), null);
        var job = await TestService.WaitForEndAsync(client, id);

        Assert.Equal(System.Net.HttpStatusCode.Accepted, cancel.StatusCode);
        Assert.Equal("cancelled", job.GetProperty("state").GetString());
        Assert.Equal("cancelled by alice", job.GetProperty("reason").GetString());
        Assert.Equal("CANCELLED", SlurmState(slurmJobId));
    }

    [Fact]
    public async Task WallTime_Reached_AugurCancelsItAsTimeout()
    {
        await using var service = await StartAsync(Settings());
        using var client = service.Client();

        var id = await TestService.SubmitAsync(client, """{"command":"sleep","arguments":["120"],"wall_time_seconds":2}""");
        var slurmJobId = await SlurmJobIdAsync(client, id);
        var job = await TestService.WaitForEndAsync(client, id);

        // Augur's own limit (scancel at the deadline), not Slurm's (a minute later, and slow to kill): Slurm says CANCELLED.
        Assert.Equal("timeout", job.GetProperty("state").GetString());
        Assert.Equal("reached its wall-time limit of 2 s", job.GetProperty("reason").GetString());
        Assert.Equal("CANCELLED", SlurmState(slurmJobId));
    }

    [Fact]
    public async Task Submit_UnknownPartition_FailsWithSlurmsReason()
    {
        var settings = Settings();
        await using var service = await StartAsync(settings with { Cluster = settings.Cluster with { Partition = "nopart" } });
        using var client = service.Client();

        var job = await TestService.WaitForEndAsync(client, await TestService.SubmitAsync(client, """{"command":"true"}"""));

        Assert.Equal("failed", job.GetProperty("state").GetString());
        Assert.Equal("Slurm refused the job: invalid partition specified: nopart; Batch job submission failed: Invalid partition name specified", job.GetProperty("reason").GetString());
        Assert.Equal(JsonValueKind.Null, job.GetProperty("slurm_job_id").ValueKind);
    }

    [Fact]
    public async Task Submit_UnknownNode_FailsWithSlurmsReason()
    {
        var settings = Settings();
        var ghost = settings.Cluster.Nodes[0] with { Name = "ghost-node" };
        await using var service = await StartAsync(settings with { Cluster = settings.Cluster with { Nodes = [ghost] } });
        using var client = service.Client();

        var job = await TestService.WaitForEndAsync(client, await TestService.SubmitAsync(client, """{"command":"true"}"""));

        Assert.Equal("failed", job.GetProperty("state").GetString());
        Assert.Equal("Slurm refused the job: Batch job submission failed: Invalid node name specified", job.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task NodeDown_UnderARunningJob_FailsItWithNodeFail()
    {
        await using var service = await StartAsync(Settings());
        using var client = service.Client();
        var id = await TestService.SubmitAsync(client, """{"command":"sleep","arguments":["120"]}""");
        await WaitForSlurmStateAsync(await SlurmJobIdAsync(client, id), "RUNNING");

        JsonElement job;
        try
        {
            slurm.SetNodeState("DOWN");
            job = await TestService.WaitForEndAsync(client, id);
        }
        finally
        {
            slurm.ResumeNode();
        }

        Assert.Equal("failed", job.GetProperty("state").GetString());
        Assert.Equal($"its node failed on {slurm.Node} (Slurm NODE_FAIL); Slurm does not requeue Augur's jobs", job.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task NodeDrained_BeforeTheJobStarts_CancelsItAfterTheGraceAndFailsIt()
    {
        await using var service = await StartAsync(Settings() with { UnstartableGrace = TimeSpan.FromSeconds(2) });
        using var client = service.Client();

        JsonElement job;
        try
        {
            slurm.SetNodeState("DRAIN");
            job = await TestService.WaitForEndAsync(client, await TestService.SubmitAsync(client, """{"command":"true"}"""));
        }
        finally
        {
            slurm.ResumeNode();
        }

        Assert.Equal("failed", job.GetProperty("state").GetString());
        // squeue's reason for a job released onto a drained node: "Nodes required for job are DOWN, DRAINED or ...".
        Assert.StartsWith($"Slurm could not start it on {slurm.Node} for 2 s (Nodes required for job are DOWN, DRAINED", job.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restart_OfTheService_ReadoptsTheSlurmJobByItsId()
    {
        using var data = new TemporaryFolder();
        long id;
        long slurmJobId;
        await using (var first = await StartAsync(Settings(), data.Path))
        {
            using var client = first.Client();
            id = await TestService.SubmitAsync(client, """{"command":"sh","arguments":["-c","sleep 3; exit 4"]}""");
            slurmJobId = await SlurmJobIdAsync(client, id);
        }

        await using var second = await StartAsync(Settings(), data.Path);
        using var again = second.Client();
        var job = await TestService.WaitForEndAsync(again, id);

        // Unlike a local process, a re-adopted Slurm job's exit code is known: Slurm kept it.
        Assert.Equal("failed", job.GetProperty("state").GetString());
        Assert.Equal(4, job.GetProperty("exit_code").GetInt32());
        Assert.Equal(slurmJobId, job.GetProperty("slurm_job_id").GetInt64());
        Assert.Equal(1, job.GetProperty("attempts").GetInt32());
    }

    [Fact]
    public async Task ControllerFrozenThenStopped_WhileJobsAreSubmitted_NoneIsLostAndNoneRunsTwice()
    {
        using var ran = new TemporaryFolder();
        var marks = Path.Combine(ran.Path, "ran");
        var log = new StringWriter();
        await using var service = await StartAsync(Settings(), log: TextWriter.Synchronized(log));
        using var client = service.Client();
        var body = JsonSerializer.Serialize(new { command = "sh", arguments = new[] { "-c", $"echo $AUGUR_JOB_ID >> {marks}; sleep 1" } });
        var ids = new List<long>();

        // Frozen (SIGSTOP): sbatch's request waits in slurmctld's socket, sbatch is killed at its timeout, and the
        // job is created when slurmctld thaws: the answer was lost, not the request. Augur must find it, not resubmit.
        slurm.SignalController("STOP");
        try
        {
            for (var i = 0; i < LocalSlurm.Cpus; i++)
            {
                ids.Add(await TestService.SubmitAsync(client, body));
            }

            await Task.Delay(TimeSpan.FromSeconds(8));
        }
        finally
        {
            slurm.SignalController("CONT");
        }

        // Stopped (SIGTERM): the jobs acknowledged meanwhile wait, and are submitted once slurmctld is back.
        slurm.StopController();
        try
        {
            for (var i = 0; i < 6; i++)
            {
                ids.Add(await TestService.SubmitAsync(client, body));
            }

            await Task.Delay(TimeSpan.FromSeconds(8));
        }
        finally
        {
            slurm.StartController();
        }

        var jobs = new List<JsonElement>();
        foreach (var id in ids)
        {
            jobs.Add(await TestService.WaitForEndAsync(client, id));
        }

        Assert.All(jobs, job => Assert.Equal("completed", job.GetProperty("state").GetString()));
        Assert.Equal(ids.Order(), File.ReadAllLines(marks).Select(long.Parse).Order());
        var prefix = SlurmExecutor.NamePrefix(service.Options.DataDirectory);
        // Copies an uncertain sbatch left behind are in the log too, CANCELLED while held: only completed ones ran.
        var names = File.ReadAllLines(slurm.JobCompletionLog)
            .Where(line => line.Contains(" JobState=COMPLETED ", StringComparison.Ordinal))
            .Select(line => line.Split(' ').FirstOrDefault(word => word.StartsWith($"Name={prefix}", StringComparison.Ordinal)))
            .OfType<string>()
            .ToList();
        Assert.Equal(ids.Count, names.Count);
        Assert.Equal(ids.Count, names.Distinct(StringComparer.Ordinal).Count());

        // The uncertain path was taken: at least one sbatch timed out and its job was looked up by name.
        Assert.Contains("sbatch uncertain", log.ToString(), StringComparison.Ordinal);
    }

    private SlurmSettings Settings() =>
        SlurmConnection.Open(slurm.Configuration, null, null, TimeSpan.FromSeconds(5)) with { PollInterval = TimeSpan.FromMilliseconds(200), LongestBackoff = TimeSpan.FromSeconds(4) };

    private static Task<TestService> StartAsync(SlurmSettings settings, string? data = null, TextWriter? log = null) =>
        TestService.StartAsync(
            processors: LocalSlurm.Cpus,
            dataDirectory: data,
            configure: options => options with { ExecutorId = SlurmExecutor.ExecutorId, Slurm = settings, Machine = settings.Cluster.Machine },
            log: log ?? Console.Error);

    /// <summary>Waits until the job has its Slurm id in the store (sbatch answered).</summary>
    private static async Task<long> SlurmJobIdAsync(HttpClient client, long id)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var job = await TestService.JsonOf(await client.GetAsync(new Uri($"/v1/jobs/{id}", UriKind.Relative)));
            if (job.GetProperty("slurm_job_id").ValueKind == JsonValueKind.Number)
            {
                return job.GetProperty("slurm_job_id").GetInt64();
            }

            if (waited.Elapsed > TestService.HangGuard)
            {
                throw new TimeoutException($"job {id} got no Slurm id; last seen: {job}");
            }

            await Task.Delay(50);
        }
    }

    private async Task WaitForSlurmStateAsync(long slurmJobId, string state)
    {
        var waited = Stopwatch.StartNew();
        while (SlurmState(slurmJobId) != state)
        {
            if (waited.Elapsed > TestService.HangGuard)
            {
                throw new TimeoutException($"Slurm job {slurmJobId} is not {state}: {SlurmState(slurmJobId)}");
            }

            await Task.Delay(100);
        }
    }

    private string SlurmState(long slurmJobId) =>
        slurm.Client("squeue", "-h", "--states=all", $"--jobs={slurmJobId}", "-o", "%T").Output.Trim();
}
