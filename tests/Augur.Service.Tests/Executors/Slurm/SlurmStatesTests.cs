using Augur.Service.Executors.Slurm;
using Augur.Service.Store;

namespace Augur.Service.Tests.Executors.Slurm;

public sealed class SlurmStatesTests
{
    private const long Start = SlurmFixtures.At130258;
    private const long End = Start + 5_000_000;

    [Theory]
    [InlineData("COMPLETED", true)]
    [InlineData("CANCELLED by 0", true)]
    [InlineData("NODE_FAIL", true)]
    [InlineData("RUNNING", false)]
    [InlineData("COMPLETING", false)]
    [InlineData("PENDING", false)]
    [InlineData("REQUEUED", false)]
    public void IsFinal_States_AsSlurmDefinesThem(string state, bool expected)
    {
        Assert.Equal(expected, SlurmStates.IsFinal(state));
    }

    [Fact]
    public void Ending_Completed_KeepsExitCodeAndSlurmsTimes()
    {
        var ending = SlurmStates.Ending(Info("COMPLETED", 0, 0), null, null, 0);

        Assert.Equal(new JobEnding(JobState.Completed, End, 0, null, null, Start), ending);
    }

    [Fact]
    public void Ending_FailedWithExitCode_IsFailedWithIt()
    {
        var ending = SlurmStates.Ending(Info("FAILED", 3, 0), null, null, 0);

        Assert.Equal((JobState.Failed, 3, (string?)null), (ending.State, ending.ExitCode, ending.Reason));
    }

    [Fact]
    public void Ending_KilledBySignal_HasNoExitCodeAndNamesTheSignal()
    {
        var ending = SlurmStates.Ending(Info("FAILED", 0, 9), null, null, 0);

        Assert.Equal((JobState.Failed, (int?)null, "killed by signal 9"), (ending.State, ending.ExitCode, ending.Reason));
    }

    [Fact]
    public void Ending_CancelledAtAugursLimit_IsTimeoutWithAugursReason()
    {
        var ending = SlurmStates.Ending(Info("CANCELLED", 143, 0), JobState.Timeout, "reached its wall-time limit of 2 s", 0);

        Assert.Equal((JobState.Timeout, (int?)null, "reached its wall-time limit of 2 s"), (ending.State, ending.ExitCode, ending.Reason));
    }

    [Fact]
    public void Ending_CancelledOutsideAugur_IsCancelledAndSaysWhere()
    {
        var ending = SlurmStates.Ending(Info("CANCELLED", 0, 0), null, null, 0);

        Assert.Equal(JobState.Cancelled, ending.State);
        Assert.Equal("cancelled in Slurm, not through Augur (CANCELLED)", ending.Reason);
    }

    [Fact]
    public void Ending_NodeFail_IsFailedNamingTheNode()
    {
        var ending = SlurmStates.Ending(Info("NODE_FAIL", 0, 0), null, null, 0);

        Assert.Equal(JobState.Failed, ending.State);
        Assert.Equal("its node failed on augur-node1 (Slurm NODE_FAIL); Slurm does not requeue Augur's jobs", ending.Reason);
    }

    [Fact]
    public void Ending_CancelledWhilePending_EndsAtItsEndWithoutStart()
    {
        var info = new SlurmJobInfo(4, "augur-x-4", "CANCELLED", null, 0, 0, null, null, null);

        var ending = SlurmStates.Ending(info, JobState.Cancelled, "cancelled by alice", 77);

        Assert.Equal(new JobEnding(JobState.Cancelled, 77, null, null, "cancelled by alice", null), ending);
    }

    private static SlurmJobInfo Info(string state, int exit, int signal) => new(1, "augur-x-1", state, null, exit, signal, Start, End, "augur-node1");
}
