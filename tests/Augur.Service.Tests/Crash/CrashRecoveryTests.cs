using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Augur.Service.Security;
using Augur.Service.Store;
using Augur.Service.Tests.Api;
using Xunit.Abstractions;

namespace Augur.Service.Tests.Crash;

public sealed class CrashRecoveryTests(ITestOutputHelper output)
{
    private const int Clients = 8;
    private const int JobsPerClient = 250;
    private const int Jobs = Clients * JobsPerClient;

    [Fact]
    public async Task Serve_KilledMidwayUnderLoadAndRestarted_KeepsEveryAcknowledgedJobOnceAndEndsEachOnce()
    {
        using var folder = new TemporaryFolder();
        var data = Path.Combine(folder.Path, "data");
        Directory.CreateDirectory(data);
        var token = new TokenStore(Path.Combine(data, "augur.db"), TimeProvider.System).Create("crash", admin: true);
        string[] options = ["--procs", "8", "--grace-seconds", "1"];
        var service = await ServiceProcess.StartAsync(data, options);
        var address = service.BaseAddress;
        var acknowledged = new ConcurrentDictionary<string, long>();
        var killAt = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        async Task SubmitAllAsync(int client)
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            for (var n = 0; n < JobsPerClient; n++)
            {
                var key = $"c{client}-{n}";

                // Every fifth job sleeps, so that some run when the service dies; half of those may be requeued.
                var script = n % 5 == 0 ? "sleep 0.2; echo ran >> ran" : "echo ran >> ran";
                var body = $$"""{"command":"{{script}}","shell":true,"requeue":{{(n % 2 == 0 ? "true" : "false")}},"tags":["{{key}}"]}""";
                while (true)
                {
                    try
                    {
                        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Volatile.Read(ref address), "/v1/jobs")) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
                        request.Headers.Add("Idempotency-Key", key);
                        using var response = await http.SendAsync(request);
                        if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK)
                        {
                            acknowledged[key] = (await TestService.JsonOf(response)).GetProperty("id").GetInt64();
                            if (acknowledged.Count >= Jobs / 2)
                            {
                                killAt.TrySetResult();
                            }

                            break;
                        }

                        Assert.Fail($"{key}: unexpected {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                    }
                    catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
                    {
                        // The service is down: retry the same key until it is back (that is what the key is for).
                        await Task.Delay(50);
                    }
                }
            }
        }

        var clients = Enumerable.Range(0, Clients).Select(client => Task.Run(() => SubmitAllAsync(client))).ToArray();
        await Task.WhenAny(killAt.Task, Task.WhenAll(clients));
        Assert.True(killAt.Task.IsCompleted, "the clients stopped before half the jobs were acknowledged");
        service.Kill();
        var acknowledgedBeforeTheCrash = acknowledged.ToDictionary();
        service.Dispose();
        using var restarted = await ServiceProcess.StartAsync(data, options);
        Volatile.Write(ref address, restarted.BaseAddress);
        await Task.WhenAll(clients);
        await WaitUntilIdleAsync(restarted.BaseAddress, token);

        using var store = new JobStore(Path.Combine(data, "augur.db"));
        var all = new List<JobRecord>();
        for (long after = 0; ;)
        {
            var page = store.List(null, null, after, 1000);
            all.AddRange(page.Jobs);
            if (page.NextAfter is not { } next)
            {
                break;
            }

            after = next;
        }

        // Every acknowledged job exists exactly once, under the id it was acknowledged with.
        Assert.Equal(Jobs, acknowledged.Count);
        Assert.Equal(Jobs, all.Count);
        var byKey = all.ToDictionary(job => job.Specification.Tags[0]);
        foreach (var (key, id) in acknowledged)
        {
            Assert.Equal(id, byKey[key].Id);
        }

        Assert.InRange(acknowledgedBeforeTheCrash.Count, Jobs / 2, Jobs - 1);
        output.WriteLine($"acknowledged before the crash: {acknowledgedBeforeTheCrash.Count}; final states: {string.Join(", ", all.GroupBy(job => job.State).Select(group => $"{group.Key} {group.Count()}"))}; requeued after a loss: {all.Count(job => job.Attempts > 1)}");
        Assert.All(acknowledgedBeforeTheCrash, pair => Assert.Equal(pair.Value, byKey[pair.Key].Id));

        // Every job ended exactly once: a final state with an end, and a job that may not be requeued ran at most once.
        foreach (var job in all)
        {
            Assert.True(JobStates.IsFinal(job.State), $"job {job.Id} is {job.State}");
            Assert.NotNull(job.EndMicroseconds);
            var runs = Runs(data, job.Id);
            if (!job.Specification.Requeue)
            {
                Assert.InRange(runs, 0, 1);
            }

            if (job.State == JobState.Completed && job.ExitCode is not null)
            {
                Assert.InRange(runs, 1, 2);
            }

            if (job.State == JobState.Lost)
            {
                Assert.False(job.Specification.Requeue);
                Assert.False(string.IsNullOrEmpty(job.Reason));
            }
        }
    }

    private static int Runs(string data, long id)
    {
        var file = Path.Combine(data, "runs", id.ToString(CultureInfo.InvariantCulture), "ran");
        return File.Exists(file) ? File.ReadAllLines(file).Length : 0;
    }

    private static async Task WaitUntilIdleAsync(Uri address, string token)
    {
        using var http = new HttpClient { BaseAddress = address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var queued = await TestService.JsonOf(await http.GetAsync(new Uri("/v1/jobs?state=queued&limit=1", UriKind.Relative)));
            var running = await TestService.JsonOf(await http.GetAsync(new Uri("/v1/jobs?state=running&limit=1", UriKind.Relative)));
            if (queued.GetProperty("jobs").GetArrayLength() == 0 && running.GetProperty("jobs").GetArrayLength() == 0)
            {
                return;
            }

            if (deadline.Elapsed > TestService.HangGuard)
            {
                throw new TimeoutException($"the service did not become idle within {TestService.HangGuard.TotalMinutes} minutes; queued: {queued}; running: {running}");
            }

            await Task.Delay(100);
        }
    }
}
