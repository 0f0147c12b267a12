using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace Augur.ServiceLoad;

/// <summary>
/// The load generator of bench/serve.sh: CLIENTS closed-loop clients submit JOBS jobs in all to a running
/// 'augur serve', each waiting for its acknowledgement (201: durable) before sending the next, and it prints the
/// sustained rate. Usage: Augur.ServiceLoad URL TOKEN CLIENTS JOBS BODY.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length != 5)
        {
            await Console.Error.WriteLineAsync("usage: Augur.ServiceLoad URL TOKEN CLIENTS JOBS BODY");
            return 2;
        }

        var address = new Uri(new Uri(args[0]), "/v1/jobs");
        var clients = int.Parse(args[2], CultureInfo.InvariantCulture);
        var jobs = int.Parse(args[3], CultureInfo.InvariantCulture);
        var body = args[4];
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients });
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", args[1]);
        var next = -1;
        var failures = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) < jobs)
            {
                using var content = new StringContent(body, Encoding.UTF8, "application/json");
                using var response = await http.PostAsync(address, content).ConfigureAwait(false);
                if ((int)response.StatusCode != 201)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })));
        clock.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{jobs} submissions from {clients} clients in {clock.Elapsed.TotalSeconds:F2} s: {jobs / clock.Elapsed.TotalSeconds:F0} per second, {failures} not acknowledged"));
        return failures == 0 ? 0 : 1;
    }
}
