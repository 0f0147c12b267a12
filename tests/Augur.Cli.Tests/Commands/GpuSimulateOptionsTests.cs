using System.CommandLine;
using Augur.Cli.Commands;

namespace Augur.Cli.Tests.Commands;

public sealed class GpuSimulateOptionsTests
{
    private const string Trace = "traces/philly-pollux.csv.gz";

    [Theory]
    [InlineData("gpu/fifo", null, "--load 1.2", "philly-pollux.gpu-fifo.load1.2")]
    [InlineData("gpu/qssf", null, "--load 1.2", "philly-pollux.gpu-qssf.load1.2")]
    [InlineData("gpu/qssf", "predictor/helios", "--load 1.2", "philly-pollux.gpu-qssf.load1.2.predictor-helios")]
    [InlineData("gpu/qssf", "predictor/clairvoyant", "--load 1.2", "philly-pollux.gpu-qssf.load1.2.predictor-clairvoyant")]
    [InlineData("gpu/fifo", null, "--gpus 64 --placement place/best-fit", "philly-pollux.gpu-fifo.gpus64.place-best-fit")]
    [InlineData("gpu/fifo", null, "--gpus 64 --placement place/consolidate", "philly-pollux.gpu-fifo.gpus64")]
    [InlineData("gpu/fifo", null, "--gpus 64 --fill 1.3", "philly-pollux.gpu-fifo.gpus64.fill1.3.place-consolidate")]
    [InlineData("gpu/tiresias", null, "--load 1.2 --promote-knob 2.5", "philly-pollux.gpu-tiresias.load1.2.knob2.5")]
    [InlineData("gpu/etf", null, "--load 1.2 --energy-weight 0.25", "philly-pollux.gpu-etf.load1.2.w0.25")]
    [InlineData("gpu/fifo", null, "--load 1.2 --power V100=50:300 --power K80=20:150", "philly-pollux.gpu-fifo.load1.2.power-K80-20-150-V100-50-300")]
    [InlineData("gpu/fifo", null, "--load 1.2 --gpus-per-node 4", "philly-pollux.gpu-fifo.load1.2.gpus-per-node4")]
    [InlineData("gpu/fifo", null, "--load 1.2 --gpus-per-node 8", "philly-pollux.gpu-fifo.load1.2")]
    [InlineData("gpu/fifo", null, "--nodes site/racks-a.csv.gz", "philly-pollux.gpu-fifo.nodes-racks-a")]
    [InlineData("gpu/fifo", null, "--load 1.2 --spread-slowdown 1.5", "philly-pollux.gpu-fifo.load1.2.slowdown1.5")]
    [InlineData("gpu/fifo", null, "--load 1.2 --spread-slowdown 1.25", "philly-pollux.gpu-fifo.load1.2")]
    [InlineData("gpu/fifo", null, "--load 1.2 --fairness-window 600", "philly-pollux.gpu-fifo.load1.2.fairness-window600")]
    [InlineData("gpu/fifo", null, "--load 1.2 --fairness-window 3600", "philly-pollux.gpu-fifo.load1.2")]
    [InlineData("gpu/qssf", "predictor/group-mean", "--load 1.2 --history-jobs 8225", "philly-pollux.gpu-qssf.load1.2.history8225.predictor-group-mean")]
    public void Read_WithoutOut_NamesTheFolderAfterEveryScheduleOption(string policy, string? predictor, string arguments, string expected)
    {
        var options = new GpuSimulateOptions();
        var command = new Command("simulate");
        options.AddTo(command);

        var request = options.Read(command.Parse(arguments.Split(' ')), Trace, "trace/philly-pollux", policy, predictor, lenient: false, output: null, quiet: true);

        Assert.Equal(Path.Combine("runs", expected), request.OutputDirectory);
    }

    [Fact]
    public void Read_TwoPredictorsOfOnePolicy_WriteTwoFolders()
    {
        var options = new GpuSimulateOptions();
        var command = new Command("simulate");
        options.AddTo(command);
        var parsed = command.Parse(["--load", "1.2"]);

        var helios = options.Read(parsed, Trace, "trace/philly-pollux", "gpu/qssf", "predictor/helios", lenient: false, output: null, quiet: true);
        var clairvoyant = options.Read(parsed, Trace, "trace/philly-pollux", "gpu/qssf", "predictor/clairvoyant", lenient: false, output: null, quiet: true);

        Assert.NotEqual(helios.OutputDirectory, clairvoyant.OutputDirectory);
    }

    [Fact]
    public void Read_WithOut_KeepsTheGivenFolder()
    {
        var options = new GpuSimulateOptions();
        var command = new Command("simulate");
        options.AddTo(command);

        var request = options.Read(command.Parse(["--load", "1.2", "--placement", "place/spread"]), Trace, "trace/philly-pollux", "gpu/fifo", null, lenient: false, output: "mine", quiet: true);

        Assert.Equal("mine", request.OutputDirectory);
    }
}
