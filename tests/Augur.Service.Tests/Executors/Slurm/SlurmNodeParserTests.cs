using Augur.Service.Executors.Slurm;

namespace Augur.Service.Tests.Executors.Slurm;

public sealed class SlurmNodeParserTests
{
    [Fact]
    public void Parse_CapturedNode_ReadsCpusMemoryStateAndPartitions()
    {
        var node = Assert.Single(SlurmNodeParser.Parse(SlurmFixtures.Node));

        Assert.Equal("augur-node1", node.Name);
        Assert.Equal(8, node.Cpus);
        Assert.Equal(16000, node.MemoryMegabytes);
        Assert.Equal(0, node.Gpus);
        Assert.Equal("IDLE", node.State);
        Assert.Equal(["debug"], node.Partitions);
        Assert.True(node.IsUsable);
    }

    [Fact]
    public void Parse_GresOfSeveralKinds_CountsGpusOnly()
    {
        var node = Assert.Single(SlurmNodeParser.Parse("NodeName=g1 CPUTot=64 RealMemory=512000 Gres=gpu:a100:2(S:0-1),gpu:v100:1,mps:100 State=MIXED Partitions=gpu,all"));

        Assert.Equal(3, node.Gpus);
        Assert.Equal(["gpu", "all"], node.Partitions);
        Assert.True(node.IsUsable);
    }

    [Theory]
    [InlineData("DOWN*")]
    [InlineData("IDLE*")]
    [InlineData("IDLE+DRAIN")]
    [InlineData("MIXED+DRAIN")]
    [InlineData("DOWN")]
    [InlineData("IDLE+POWERED_DOWN")]
    public void IsUsable_DownDrainedOrNotResponding_IsFalse(string state)
    {
        var node = new SlurmNode("n1", 4, 1000, 0, state, ["debug"]);

        Assert.False(node.IsUsable);
    }

    [Theory]
    [InlineData("NodeName=n1 RealMemory=1000 State=IDLE", "line 1: field CPUTot: missing")]
    [InlineData("NodeName=n1 CPUTot=0 RealMemory=1000 State=IDLE", "line 1: field CPUTot: expected at least 1 CPU, found 0")]
    [InlineData("NodeName=n1 CPUTot=4 RealMemory=lots State=IDLE", "field RealMemory: expected a whole number, found 'lots'")]
    [InlineData("NodeName=n1 CPUTot=4 RealMemory=1000 Gres=gpu:many State=IDLE", "field Gres: expected gpu[:TYPE]:COUNT, found 'gpu:many'")]
    [InlineData("NodeName=n1 CPUTot=4 RealMemory=1000", "field State: missing")]
    public void Parse_Malformed_NamesLineFieldAndReason(string output, string expected)
    {
        var error = Assert.Throws<SlurmOutputException>(() => SlurmNodeParser.Parse(output));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("scontrol show nodes -o: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultPartition_MarkedWithStar_IsFound()
    {
        Assert.Equal("debug", SlurmNodeParser.DefaultPartition("long\ndebug*\ngpu\n"));
        Assert.Null(SlurmNodeParser.DefaultPartition("long\ngpu\n"));
    }

    [Fact]
    public void FromNodes_PartitionWithADownNode_KeepsTheUsableNodesAndAddsThemUp()
    {
        var nodes = SlurmNodeParser.Parse(
            "NodeName=a CPUTot=8 RealMemory=1000 Gres=gpu:2 State=IDLE Partitions=debug\n" +
            "NodeName=b CPUTot=4 RealMemory=500 State=DOWN* Partitions=debug\n" +
            "NodeName=c CPUTot=16 RealMemory=3000 State=ALLOCATED Partitions=debug,long\n" +
            "NodeName=d CPUTot=32 RealMemory=9000 State=IDLE Partitions=long\n");

        var cluster = SlurmCluster.FromNodes("debug", nodes);

        Assert.Equal(["a", "c"], cluster.Nodes.Select(node => node.Name));
        Assert.Equal(new Augur.Service.Driver.MachineResources(24, 4000, 2), cluster.Machine);
    }

    [Fact]
    public void FromNodes_UnknownPartition_NamesTheKnownOnes()
    {
        var nodes = SlurmNodeParser.Parse(SlurmFixtures.Node);

        var error = Assert.Throws<SlurmClusterException>(() => SlurmCluster.FromNodes("gpu", nodes));

        Assert.Equal("Slurm partition 'gpu' has no nodes (partitions: debug)", error.Message);
    }

    [Fact]
    public void FromNodes_EveryNodeDown_SaysWhichStates()
    {
        var nodes = SlurmNodeParser.Parse("NodeName=a CPUTot=8 RealMemory=1000 State=DOWN* Partitions=debug");

        var error = Assert.Throws<SlurmClusterException>(() => SlurmCluster.FromNodes("debug", nodes));

        Assert.Equal("no node of Slurm partition 'debug' can run jobs (a is DOWN*)", error.Message);
    }

    [Fact]
    public void JobCompletionLog_FiletxtConfig_IsJobCompLoc()
    {
        const string Config = "JobCompHost             = localhost\nJobCompLoc              = /tmp/s/jobcomp.log\nJobCompType             = jobcomp/filetxt\n";

        Assert.Equal("/tmp/s/jobcomp.log", SlurmConnection.JobCompletionLog(Config));
        Assert.Null(SlurmConnection.JobCompletionLog(Config.Replace("jobcomp/filetxt", "jobcomp/none", StringComparison.Ordinal)));
    }
}
