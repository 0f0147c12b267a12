using Augur.Cli.Sweeps;

namespace Augur.Cli.Tests.Sweeps;

public sealed class SweepPlanGpuTests : IDisposable
{
    private const string Philly = "timestamp,duration,num_gpus,gpu_time,cluster\n2017-10-09 00:00:00,100.0,4,400.0,a\n2017-10-09 00:00:20,10.0,4,40.0,b\n";

    private readonly TemporaryDirectory directory = new();

    public SweepPlanGpuTests() => File.WriteAllText(directory.File("philly-small.csv"), Philly);

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Of_RunsDifferingOnlyByLoadOrPlacement_GetDifferentKeysAndFolders()
    {
        var plan = Plan("policies: gpu/fifo\nloads: [0.8, 1.2]\nplacements: [place/consolidate, place/spread]\n");

        Assert.Equal(4, plan.Keys.Distinct().Count());
        Assert.Equal(4, plan.Folders.Distinct().Count());

        // Simulate's default folder names (the default placement left out), then the first 12 digits of the key.
        string[] names =
        [
            "philly-small.gpu-fifo.load0.8",
            "philly-small.gpu-fifo.load0.8.place-spread",
            "philly-small.gpu-fifo.load1.2",
            "philly-small.gpu-fifo.load1.2.place-spread",
        ];
        Assert.Equal(names.Select((name, i) => Path.Combine("out", name + "." + plan.Keys[i][..12])), plan.Folders.Select(folder => Path.GetRelativePath(directory.Path, folder)));
        Assert.All(plan.Resumed, Assert.False);
    }

    [Fact]
    public void Of_SameSweepTwice_GivesTheSameKeysAndAChangedTraceNewOnes()
    {
        var first = Plan("policies: gpu/fifo\nloads: [0.8, 1.2]\n");
        var again = Plan("policies: gpu/fifo\nloads: [0.8, 1.2]\n");
        File.AppendAllText(directory.File("philly-small.csv"), "2017-10-09 00:00:30,10.0,1,10.0,b\n");
        var changed = Plan("policies: gpu/fifo\nloads: [0.8, 1.2]\n");

        Assert.Equal(first.Keys, again.Keys);
        Assert.Empty(first.Keys.Intersect(changed.Keys));
    }

    [Fact]
    public void Of_PromoteKnobChanged_ChangesTheTiresiasRunsKeyOnly()
    {
        // The knob is gpu/tiresias's: the gpu/fifo run gets no knob, so its run, and key, stay the same.
        var one = Plan("policies: [gpu/fifo, gpu/tiresias]\nloads: 1\noptions: { promote_knob: 1 }\n");
        var two = Plan("policies: [gpu/fifo, gpu/tiresias]\nloads: 1\noptions: { promote_knob: 2 }\n");

        Assert.Equal(one.Keys[0], two.Keys[0]);
        Assert.NotEqual(one.Keys[1], two.Keys[1]);
        Assert.EndsWith(".knob2." + two.Keys[1][..12], two.Folders[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Of_NodesFileContentChanged_ChangesTheKey()
    {
        var nodes = directory.File("nodes.csv");
        File.WriteAllText(nodes, "sn,cpu_milli,memory_mib,gpu,model\nnode-1,32000,262144,4,V100M32\n");
        var before = Plan("policies: gpu/fifo\noptions: { nodes: nodes.csv }\n");
        File.AppendAllText(nodes, "node-2,32000,262144,4,V100M32\n");
        var after = Plan("policies: gpu/fifo\noptions: { nodes: nodes.csv }\n");

        Assert.NotEqual(before.Keys[0], after.Keys[0]);
        Assert.Contains(".nodes-nodes.", after.Folders[0], StringComparison.Ordinal);
    }

    private SweepPlan Plan(string keys)
    {
        var path = directory.File("sweep.yaml");
        File.WriteAllText(path, $"traces: [philly-small.csv]\nout: {directory.File("out")}\n" + keys);
        return SweepPlan.Of(SweepReader.Read(path));
    }
}
