using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Augur.Service.Api;
using Augur.Service.Driver;
using Augur.Service.Security;
using Microsoft.AspNetCore.Builder;

namespace Augur.Service.Tests.Api;

/// <summary>
/// The service on a real Kestrel bound to 127.0.0.1 on a free port (port 0), with tokens for alice, bob and an
/// admin, and a client per token.
/// </summary>
public sealed class TestService : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly bool ownsData;

    private TestService(WebApplication app, ServiceOptions options, Dictionary<string, string> tokens, bool ownsData)
    {
        this.ownsData = ownsData;
        this.app = app;
        Options = options;
        Tokens = tokens;
        BaseAddress = new Uri(app.Urls.First());
    }

    public ServiceOptions Options { get; }

    public IReadOnlyDictionary<string, string> Tokens { get; }

    public Uri BaseAddress { get; }

    /// <param name="configure">Changes the options before the service is built (another executor, say).</param>
    /// <param name="log">Receives the service's log (none by default).</param>
    public static async Task<TestService> StartAsync(int processors = 2, string policy = "backfill/easy", string? predictor = null, string? dataDirectory = null, Func<ServiceOptions, ServiceOptions>? configure = null, TextWriter? log = null)
    {
        var data = dataDirectory ?? System.IO.Path.Combine(System.IO.Path.GetTempPath(), "augur-service-tests-" + Guid.NewGuid().ToString("N"));
        var options = new ServiceOptions
        {
            DataDirectory = data,
            Urls = "http://127.0.0.1:0",
            PolicyId = policy,
            PredictorId = predictor,
            Machine = new MachineResources(processors, 1024, 0),
            GracePeriod = TimeSpan.FromSeconds(1),
            MaxRequestBodyBytes = 16 * 1024,
        };
        options = configure?.Invoke(options) ?? options;
        var app = ServiceApplication.Build(options, TimeProvider.System, log ?? TextWriter.Null);
        var tokenStore = (TokenStore)app.Services.GetService(typeof(TokenStore))!;
        var tokens = new Dictionary<string, string>
        {
            ["alice"] = tokenStore.Create("alice", admin: false),
            ["bob"] = tokenStore.Create("bob", admin: false),
            ["root"] = tokenStore.Create("root", admin: true),
        };
        await app.StartAsync();
        return new TestService(app, options, tokens, ownsData: dataDirectory is null);
    }

    /// <summary>A client with <paramref name="user"/>'s token, or with none when null.</summary>
    public HttpClient Client(string? user = "alice")
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        if (user is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens[user]);
        }

        return client;
    }

    public static async Task<JsonElement> JsonOf(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Polls a job until it reaches a final state (or the test's hang timeout ends the run).</summary>
    /// <summary>How long a wait may last before the test fails instead of hanging (generous: the machine may be loaded).</summary>
    public static TimeSpan HangGuard { get; } = TimeSpan.FromMinutes(3);

    public static async Task<JsonElement> WaitForEndAsync(HttpClient client, long id)
    {
        ArgumentNullException.ThrowIfNull(client);

        // A hang guard, not a speed check: a regression fails here with the job's last state instead of hanging
        // until the test host is killed.
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var job = await JsonOf(await client.GetAsync(new Uri($"/v1/jobs/{id}", UriKind.Relative)));
            if (job.GetProperty("state").GetString() is not ("queued" or "running"))
            {
                return job;
            }

            if (deadline.Elapsed > HangGuard)
            {
                throw new TimeoutException($"job {id} did not end within {HangGuard.TotalMinutes} minutes; last seen: {job}");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Posts a JSON body to /v1/jobs.</summary>
    public static async Task<HttpResponseMessage> PostJobAsync(HttpClient client, string json, string? idempotencyKey = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/v1/jobs", UriKind.Relative)) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await client.SendAsync(request);
    }

    /// <summary>Posts a JSON body to /v1/jobs and returns the new job's id.</summary>
    public static async Task<long> SubmitAsync(HttpClient client, string json) =>
        (await JsonOf(await PostJobAsync(client, json))).GetProperty("id").GetInt64();

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        if (!ownsData)
        {
            return;
        }

        try
        {
            Directory.Delete(Options.DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A job's process may still be writing its output.
        }
    }
}
