using Augur.Service.Executors.Slurm;

namespace Augur.Service.Tests.Executors.Slurm;

public sealed class SbatchOutcomeTests
{
    [Theory]
    [InlineData("12\n", 12)]
    [InlineData("4242;augur\n", 4242)]
    public void Classify_ParsableId_IsSubmitted(string output, long expected)
    {
        var outcome = SbatchOutcome.Classify(new SlurmCommandResult("sbatch", 0, false, output, string.Empty));

        Assert.Equal(SbatchResult.Submitted, outcome.Result);
        Assert.Equal(expected, outcome.SlurmJobId);
    }

    [Fact]
    public void Classify_UnknownNode_IsRejectedWithSlurmsWords()
    {
        // Captured: sbatch --nodelist=nosuch on the test Slurm.
        var outcome = SbatchOutcome.Classify(new SlurmCommandResult("sbatch", 1, false, string.Empty, "sbatch: error: Batch job submission failed: Invalid node name specified\n"));

        Assert.Equal(SbatchResult.Rejected, outcome.Result);
        Assert.Equal("Slurm refused the job: Batch job submission failed: Invalid node name specified", outcome.Message);
    }

    [Fact]
    public void Classify_UnknownPartition_KeepsBothLines()
    {
        // Captured: sbatch --partition=nopart prints two errors.
        var outcome = SbatchOutcome.Classify(new SlurmCommandResult("sbatch", 1, false, string.Empty, "sbatch: error: invalid partition specified: nopart\nsbatch: error: Batch job submission failed: Invalid partition name specified\n"));

        Assert.Equal(SbatchResult.Rejected, outcome.Result);
        Assert.Equal("Slurm refused the job: invalid partition specified: nopart; Batch job submission failed: Invalid partition name specified", outcome.Message);
    }

    [Fact]
    public void Classify_Timeout_IsUncertain()
    {
        // A stopped slurmctld makes sbatch hang: the client is killed at its timeout and the job may exist.
        var outcome = SbatchOutcome.Classify(new SlurmCommandResult("sbatch", -1, true, string.Empty, string.Empty));

        Assert.Equal(SbatchResult.Uncertain, outcome.Result);
        Assert.Null(outcome.SlurmJobId);
    }

    [Theory]
    [InlineData("sbatch: error: Batch job submission failed: Unable to contact slurm controller (connect failure)")]
    [InlineData("sbatch: error: Batch job submission failed: Socket timed out on send/recv operation")]
    [InlineData("sbatch: error: Slurm temporarily unable to accept job, sleeping and retrying")]
    public void Classify_ControllerUnreachable_IsUncertain(string error)
    {
        var outcome = SbatchOutcome.Classify(new SlurmCommandResult("sbatch", 1, false, string.Empty, error));

        Assert.Equal(SbatchResult.Uncertain, outcome.Result);
    }

    [Fact]
    public void Classify_SuccessWithoutAnId_IsUncertain()
    {
        var outcome = SbatchOutcome.Classify(new SlurmCommandResult("sbatch", 0, false, "Submitted batch job 12\n", string.Empty));

        Assert.Equal(SbatchResult.Uncertain, outcome.Result);
        Assert.Contains("not a job id", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_FailureWithoutWords_SaysSo()
    {
        var outcome = SbatchOutcome.Classify(new SlurmCommandResult("sbatch", 3, false, string.Empty, string.Empty));

        Assert.Equal("Slurm refused the job: sbatch exited with 3 and said nothing", outcome.Message);
    }
}
