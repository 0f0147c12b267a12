using System.Text.Json;
using Augur.Testing;

namespace Augur.Cli.Tests.Commands;

public sealed class ConvertCommandTests : IDisposable
{
    private const string Header = "JobID|User|Group|Account|Partition|Submit|Start|End|Elapsed|Timelimit|AllocCPUS|ReqCPUS|ReqMem|MaxRSS|NNodes|State|ExitCode";

    private readonly TemporaryDirectory directory = new();

    private static string ExampleHistory => Path.Combine(RepositoryPaths.Root, "docs", "examples", "sacct-history.txt");

    public void Dispose() => directory.Dispose();

    [Fact]
    public void ConvertSacct_ExampleHistory_WritesSwfAndMapAndReportsWhatItDropped()
    {
        var output = directory.File("history.swf");

        var run = CliRun.Of("convert", "sacct", ExampleHistory, "--out", output);

        Assert.Equal(0, run.ExitCode);
        var records = File.ReadAllLines(output).Where(line => !line.StartsWith(';')).ToArray();

        // The records are checked field by field in Augur.Traces.Tests (SacctToSwfTests); here the first and last.
        Assert.Equal(8, records.Length);
        Assert.Equal("1 0 60 1 1 -1 -1 1 300 512000 0 1 1 -1 -1 1 -1 -1", records[0]);
        Assert.Equal("8 6060 60 570 1 -1 20480 1 1200 1024000 5 4 3 -1 -1 1 -1 -1", records[7]);
        Assert.Contains("; UnixStartTime: 1677657540", File.ReadAllLines(output));
        Assert.Contains("; MaxProcs: 51", File.ReadAllLines(output));

        var map = File.ReadAllLines(directory.File("history.map.csv"));
        Assert.Equal("1,4109,bob,chem,p-chem,batch,NODE_FAIL,18", map[1]);
        Assert.Contains($"converted 8 jobs from {ExampleHistory} (5 step lines read for MaxRSS)", run.Error, StringComparison.Ordinal);
        Assert.Contains("dropped 4 records that cannot be replayed: never started: CANCELLED: 1; not finished: PENDING: 2; not finished: RUNNING: 1", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ConvertSacct_NoOut_WritesSwfToStandardOutputAndNoMap()
    {
        var run = CliRun.Of("convert", "sacct", ExampleHistory, "--time-zone", "Europe/Berlin", "--procs", "64");

        Assert.Equal(0, run.ExitCode);

        // 07:59 in Berlin (UTC+1 in March) is 06:59 UTC: 1677657540 - 3600.
        Assert.Contains("; UnixStartTime: 1677653940\n", run.Output, StringComparison.Ordinal);
        Assert.Contains("; MaxProcs: 64\n", run.Output, StringComparison.Ordinal);
        Assert.Contains("\n2 60 5 1800 8 -1 1536000 8 3600 2097152 1 2 2 -1 -1 1 -1 -1\n", run.Output, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(directory.Path));
    }

    [Fact]
    public void ConvertSacct_MapOption_WritesTheMapWhereAsked()
    {
        var map = directory.File("ids.csv");

        var run = CliRun.Of("convert", "sacct", ExampleHistory, "--map", map);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(9, File.ReadAllLines(map).Length);
    }

    [Fact]
    public void ConvertSacct_BadRecord_ExitsWithBadInputNamingLineAndField()
    {
        var input = directory.File("bad.txt");
        File.WriteAllText(input, Header + "\n12|alice|physics|p|batch|2023-03-01 08:00:00|2023-03-01T08:00:05|Unknown|00:01:00|00:05:00|1|1|1G||1|COMPLETED|0:0\n");

        var run = CliRun.Of("convert", "sacct", input, "--out", directory.File("out.swf"));

        Assert.Equal(3, run.ExitCode);
        Assert.Equal($"error: {input}:2: field 6 (Submit): not a timestamp (yyyy-MM-ddTHH:mm:ss, Unknown or None): '2023-03-01 08:00:00'\n", run.Error.ReplaceLineEndings("\n"));
        Assert.False(File.Exists(directory.File("out.swf")));
    }

    [Fact]
    public void ConvertSacct_Lenient_SkipsAndCountsBadRecords()
    {
        var input = directory.File("mixed.txt");
        File.WriteAllText(input, Header + "\n12|alice|physics|p|batch|2023-03-01T08:00:00|2023-03-01T08:00:05|Unknown|1:00:00:00|00:05:00|1|1|1G||1|COMPLETED|0:0\n13|alice|physics|p|batch|2023-03-01T08:00:00|2023-03-01T08:00:05|Unknown|00:01:00|00:05:00|1|1|1G||1|COMPLETED|0:0\n");

        var run = CliRun.Of("convert", "sacct", input, "--lenient");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("skipped 1 bad records: field 9 (Elapsed): not a duration: 1", run.Error, StringComparison.Ordinal);
        Assert.Contains("\n1 0 5 60 1 -1 -1 1 300 1048576 1 1 1 -1 -1 1 -1 -1\n", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void ConvertSacct_EmptyFile_ExitsWithBadInput()
    {
        var input = directory.File("empty.txt");
        File.WriteAllText(input, string.Empty);

        var run = CliRun.Of("convert", "sacct", input);

        Assert.Equal(3, run.ExitCode);
        Assert.StartsWith($"error: {input}: empty file: expected a header line of column names", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ConvertSacct_UnknownTimeZone_IsAUsageError()
    {
        var run = CliRun.Of("convert", "sacct", ExampleHistory, "--time-zone", "Mars/Olympus");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unknown time zone 'Mars/Olympus'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ConvertSacct_ThenSimulate_ReplaysTheHistoryUnderEasyBackfilling()
    {
        var swf = directory.File("history.swf");
        var runFolder = directory.File("run");
        Assert.Equal(0, CliRun.Of("convert", "sacct", ExampleHistory, "--out", swf, "--procs", "40").ExitCode);

        var run = CliRun.Of("simulate", swf, "--policy", "backfill/easy", "--out", runFolder, "--quiet");

        Assert.Equal(0, run.ExitCode);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(runFolder, "summary.json")));
        Assert.Equal(8, summary.RootElement.GetProperty("jobs").GetInt32());

        // On 40 CPUs: at 3660 s job 5 (16 CPUs, to 7560) runs; job 6 (2) starts, job 7 (32) cannot (22 free)
        // and is reserved for 7560, when job 5 ends. Job 8 (1 CPU, 6060 s, request 1200 s, so done by 7260)
        // is backfilled at once. Every other job starts at its submission: the mean wait is 3900 / 8.
        var jobs = File.ReadAllLines(Path.Combine(runFolder, "jobs.csv"));
        Assert.StartsWith("7,3660,7560,97560,3900,90000,32,172800,", jobs[7], StringComparison.Ordinal);
        Assert.StartsWith("8,6060,6060,6630,0,570,1,1200,", jobs[8], StringComparison.Ordinal);
        Assert.Equal(487.5, summary.RootElement.GetProperty("metrics").GetProperty("wait_mean").GetDouble(), 6);
    }
}
