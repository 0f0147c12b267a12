using System.Text.Json;

namespace Augur.Cli.Tests.Commands;

public sealed class SimulateGaiaCommandTests : IDisposable
{
    // Job 1 takes all 4 CPUs for 0.5 h (1,800 s) from 0; job 2 (2 CPUs, 1 h) arrives at 0.25 h (900 s) and can
    // only start when job 1 ends at 1,800 s: it waits 900 s. Job 3 (1 CPU, 0.1 h = 360 s) arrives at 0.5 h, when
    // job 2 holds 2 of 4 CPUs: it starts at once.
    private const string SmallTrace = "arrival_time,length,cpus\n0.0,0.5,4\n0.25,1.0,2\n0.5,0.1,1\n";

    private readonly TemporaryDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Simulate_GaiaFileUnderEasy_WaitsAsHandComputed()
    {
        var trace = directory.File("gaia-small.csv");
        File.WriteAllText(trace, SmallTrace);
        var output = directory.File("run");

        var run = CliRun.Of("simulate", trace, "--policy", "backfill/easy", "--procs", "4", "--out", output, "--quiet");

        Assert.Equal(0, run.ExitCode);
        var jobs = File.ReadAllLines(Path.Combine(output, "jobs.csv"));
        Assert.Equal("1,0,0,1800,0,1800,4,-1,1,0,-1", jobs[1]);
        Assert.Equal("2,900,1800,5400,900,3600,2,-1,1.25,0,-1", jobs[2]);
        Assert.Equal("3,1800,1800,2160,0,360,1,-1,1,0,-1", jobs[3]);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "summary.json")));
        Assert.Equal(900 / 3.0, summary.RootElement.GetProperty("metrics").GetProperty("wait_mean").GetDouble(), 6);
    }

    [Fact]
    public void Simulate_GaiaLayoutUnderAnyName_IsRecognisedByItsHeader()
    {
        var trace = directory.File("site-jobs.csv");
        File.WriteAllText(trace, SmallTrace);
        var output = directory.File("run");

        var run = CliRun.Of("simulate", trace, "--policy", "backfill/easy", "--procs", "4", "--out", output, "--quiet");

        Assert.Equal(0, run.ExitCode);

        // The hand-computed waits of the case above: only job 2 waits, 900 s.
        var jobs = File.ReadAllLines(Path.Combine(output, "jobs.csv"));
        Assert.Equal("2,900,1800,5400,900,3600,2,-1,1.25,0,-1", jobs[2]);
    }

    [Fact]
    public void Simulate_GaiaWithoutProcs_UsesTheWidestJobAndSaysSo()
    {
        var trace = directory.File("jobs.csv");
        File.WriteAllText(trace, SmallTrace);
        var output = directory.File("run");

        var run = CliRun.Of("simulate", trace, "--format", "trace/gaia", "--policy", "backfill/easy", "--out", output, "--quiet");

        Assert.Equal(0, run.ExitCode);
        var text = File.ReadAllText(Path.Combine(output, "summary.json"));
        Assert.Contains("\"processors\": \"4\"", text, StringComparison.Ordinal);
        Assert.Contains("widest job", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_GaiaBadRecord_ExitsWithBadInputNamingTheField()
    {
        var trace = directory.File("gaia-bad.csv");
        File.WriteAllText(trace, "arrival_time,length,cpus\n0.0,0.5,4\n0.25,1.0,0\n");

        var run = CliRun.Of("simulate", trace, "--policy", "backfill/easy", "--procs", "4", "--out", directory.File("run"), "--quiet");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains($"{trace}:3: field 3 (cpus): value too small: 0 (at least 1)", run.Error, StringComparison.Ordinal);
    }
}
