using Augur.Service.Executors.Slurm;

namespace Augur.Service.Tests.Executors.Slurm;

public sealed class SlurmKeyValuesTests
{
    [Fact]
    public void Parse_ValuesWithSpaces_KeepsEachWordWithItsKey()
    {
        // From the captured scontrol line of job 1 (Comment holds spaces), with a WorkDir that holds one too.
        var pairs = SlurmKeyValues.Parse("JobId=1 WorkDir=/tmp/my runs Comment=augur job 1  StdErr=/tmp/e", "scontrol", 1);

        Assert.Equal("/tmp/my runs", pairs.Required("WorkDir"));
        Assert.Equal("augur job 1", pairs.Required("Comment"));
        Assert.Equal("/tmp/e", pairs.Required("StdErr"));
    }

    [Fact]
    public void Parse_KeysWithColonsAndSlashes_AreKeys()
    {
        var pairs = SlurmKeyValues.Parse("AllocNode:Sid=localhost:14771 CPUs/Task=1 NtasksPerN:B:S:C=0:0:*:*", "scontrol", 1);

        Assert.Equal("localhost:14771", pairs.Required("AllocNode:Sid"));
        Assert.Equal(1, pairs.Number("CPUs/Task"));
        Assert.Equal("0:0:*:*", pairs.Required("NtasksPerN:B:S:C"));
    }

    [Fact]
    public void Optional_NullOrEmpty_IsNull()
    {
        var pairs = SlurmKeyValues.Parse("Account=(null) Power= Reason=None", "scontrol", 1);

        Assert.Null(pairs.Optional("Account"));
        Assert.Null(pairs.Optional("Power"));
        Assert.Null(pairs.Optional("Absent"));
        Assert.Equal("None", pairs.Optional("Reason"));
    }

    [Fact]
    public void Parse_BlankLine_IsAnError()
    {
        var error = Assert.Throws<SlurmOutputException>(() => SlurmKeyValues.Parse("   ", "scontrol show job -o", 4));

        Assert.Equal("scontrol show job -o: line 4: field (start): empty line", error.Message);
    }
}
