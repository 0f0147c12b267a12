using Augur.Cli.Sweeps;

namespace Augur.Cli.Tests.Sweeps;

public sealed class SweepReaderTests : IDisposable
{
    private readonly TemporaryDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Read_FullSweep_ExpandsTheProductInFileOrder()
    {
        File.WriteAllText(directory.File("t.swf"), "; MaxProcs: 4\n1 0 -1 10 1 -1 -1 1 20 -1 1 1 -1 -1 -1 -1 -1 -1\n");
        var path = Write("""
            traces: [t.swf, "synthetic:lublin"]
            policies: [backfill/easy, backfill/easy++]
            predictors: [none, predictor/tsafrir]
            corrector: corrector/request
            seeds: [1, 2]
            options: { filter: sc15, procs: 64, jobs: 200, lenient: true }
            out: here
            """);

        var sweep = SweepReader.Read(path);
        var runs = sweep.Runs();

        Assert.Equal(2 * 2 * 2 * 2, runs.Count);
        Assert.Equal(new SweepRun(directory.File("t.swf"), "backfill/easy", null, null, null, 1), runs[0]);
        Assert.Equal(new SweepRun(directory.File("t.swf"), "backfill/easy", null, "predictor/tsafrir", "corrector/request", 2), runs[3]);
        Assert.Equal("synthetic:lublin", runs[^1].Trace);
        Assert.Equal(("sc15", 64, 200, true, "here"), (sweep.Filter, sweep.Processors, sweep.Jobs, sweep.Lenient, sweep.Output));
    }

    [Theory]
    [InlineData("traces: [\"synthetic:lublin\"]\npolicies: [backfill/easy]\nfilters: [x]\n", ":3: field filters: unknown key")]
    [InlineData("traces: [\"synthetic:lublin\"]\n", ":1: field policies: missing")]
    [InlineData("traces: [\"synthetic:lublin\"]\npolicies: [backfill/eazy]\n", ":2: field policies: unknown policy 'backfill/eazy'; did you mean 'backfill/easy'?")]
    [InlineData("traces: [\"synthetic:lublin\"]\npolicies: backfill/easy\npredictors: [predictor/tsafirr]\n", ":3: field predictors: unknown predictor")]
    [InlineData("traces: [\"synthetic:lublin\"]\npolicies: backfill/easy\nseeds: [1, two]\n", ":3: field seeds: expected a whole number of at least 0, found 'two'")]
    [InlineData("traces: [\"synthetic:lublin\"]\npolicies: backfill/easy\noptions:\n  procs: -3\n", ":4: field options.procs: expected a whole number of at least 1")]
    [InlineData("traces: [\"synthetic:lublin\"]\npolicies: backfill/easy\noptions:\n  lenient: maybe\n", ":4: field options.lenient: expected true or false")]
    [InlineData("traces: [\"synthetic:lublin\"]\npolicies: backfill/easy\noptions:\n  filter: sc16\n", ":4: field options.filter: unknown filter")]
    [InlineData("traces: [missing.swf]\npolicies: backfill/easy\n", ":1: field traces: no such file: missing.swf")]
    [InlineData("traces: [\"synthetic:lublin\"]\npolicies:\n  - backfill/easy\n  - queue/fcfs\n  - backfill/easy\n", ":5: field policies: 'backfill/easy' is listed twice")]
    [InlineData("traces: [\n", "not valid YAML")]
    [InlineData("- just\n- a list\n", ":1: a sweep is a mapping")]
    public void Read_MalformedSweep_NamesTheLineFieldAndReason(string yaml, string expected)
    {
        var path = Write(yaml);

        var error = Assert.Throws<SweepFileException>(() => SweepReader.Read(path));

        Assert.StartsWith(path, error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private string Write(string yaml)
    {
        var path = directory.File("sweep.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }
}
