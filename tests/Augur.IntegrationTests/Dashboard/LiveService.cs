using System.Net.Http.Headers;
using System.Text.Json;
using Augur.Service.Api;
using Augur.Service.Driver;
using Augur.Service.Security;
using Microsoft.AspNetCore.Builder;

namespace Augur.IntegrationTests.Dashboard;

/// <summary>
/// A real <c>augur serve</c> in this process: Kestrel on a free port of 127.0.0.1, the scheduler, the local
/// executor, a fresh data folder (deleted at the end), and tokens for alice, bob and the admin root.
/// </summary>
public sealed class LiveService : IAsyncDisposable
{
    private readonly WebApplication app;

    private LiveService(WebApplication app, string data, Dictionary<string, string> tokens)
    {
        this.app = app;
        DataDirectory = data;
        Tokens = tokens;
        BaseAddress = new Uri(app.Urls.First());
    }

    public string DataDirectory { get; }

    public IReadOnlyDictionary<string, string> Tokens { get; }

    public Uri BaseAddress { get; }

    public static async Task<LiveService> StartAsync(int processors)
    {
        var data = Directory.CreateTempSubdirectory("augur-dashboard-").FullName;
        var options = new ServiceOptions
        {
            DataDirectory = data,
            Urls = "http://127.0.0.1:0",
            PolicyId = "backfill/easy",
            PredictorId = "predictor/tsafrir",
            Machine = new MachineResources(processors, 1024, 0),
            GracePeriod = TimeSpan.FromSeconds(1),
        };
        var app = ServiceApplication.Build(options, TimeProvider.System, TextWriter.Null);
        var tokenStore = (TokenStore)app.Services.GetService(typeof(TokenStore))!;
        var tokens = new Dictionary<string, string>
        {
            ["alice"] = tokenStore.Create("alice", admin: false),
            ["bob"] = tokenStore.Create("bob", admin: false),
            ["root"] = tokenStore.Create("root", admin: true),
        };
        await app.StartAsync();
        return new LiveService(app, data, tokens);
    }

    public HttpClient Client(string user)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens[user]);
        return client;
    }

    /// <summary>The dashboard's address with <paramref name="user"/>'s token in the fragment.</summary>
    public string DashboardUrl(string user) => new Uri(BaseAddress, "/").AbsoluteUri + "#token=" + Uri.EscapeDataString(Tokens[user]);

    /// <summary>Whether a URL is this service's (the only origin the dashboard may fetch from).</summary>
    public bool IsOwn(string url) => url.StartsWith(BaseAddress.GetLeftPart(UriPartial.Authority) + "/", StringComparison.Ordinal);

    /// <summary>Submits a job (201 expected) and returns its id.</summary>
    public static async Task<long> SubmitAsync(HttpClient client, string json)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("/v1/jobs", UriKind.Relative), content);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.GetProperty("id").GetInt64();
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A job's process may still be writing its output.
        }
    }
}
