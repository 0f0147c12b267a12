using Augur.Core.Jobs;
using Augur.Core.Scheduling;
using Augur.Core.Time;

using static Augur.Core.Tests.TestJobs;

namespace Augur.Core.Tests.Scheduling;

public sealed class SchedulingContextTests
{
    [Fact]
    public void Constructor_NullDriver_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => new SchedulingContext(8, null!));
    }

    [Fact]
    public void Constructor_ProcessorsNotPositive_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SchedulingContext(0, new FakeSchedulingDriver()));
    }

    [Fact]
    public void NewContext_HasAnEmptyMachine()
    {
        var context = new SchedulingContext(8, new FakeSchedulingDriver());

        Assert.Equal(8, context.TotalProcessors);
        Assert.Equal(8, context.IdleProcessors);
        Assert.Equal(8, context.Profile.TotalProcessors);
        Assert.Equal(0, context.Profile.Count);
        Assert.Equal(0, context.Waiting.Count);
        Assert.Equal(Instant.Zero, context.Now);
        Assert.Null(context.TriggerJob);
        Assert.Equal(default, context.Ended);
    }

    [Fact]
    public void BeginDecision_Submission_SetsNowTriggerAndJob()
    {
        var context = new SchedulingContext(8, new FakeSchedulingDriver());
        var submitted = Job(0);

        context.BeginDecision(At(42), DecisionTrigger.Submission, submitted, default);

        Assert.Equal(At(42), context.Now);
        Assert.Equal(DecisionTrigger.Submission, context.Trigger);
        Assert.Same(submitted, context.TriggerJob);
        Assert.Equal(default, context.Ended);
    }

    [Fact]
    public void BeginDecision_Termination_SetsEndedAndClearsTheTriggerJob()
    {
        var context = new SchedulingContext(8, new FakeSchedulingDriver());
        context.BeginDecision(At(1), DecisionTrigger.Submission, Job(0), default);
        var ended = new RunningJob(Job(1, processors: 3), At(10), At(50));

        context.BeginDecision(At(50), DecisionTrigger.Termination, null, ended);

        Assert.Equal(At(50), context.Now);
        Assert.Equal(DecisionTrigger.Termination, context.Trigger);
        Assert.Null(context.TriggerJob);
        Assert.Equal(ended, context.Ended);
        Assert.Same(ended.Request, context.Ended.Request);
    }

    [Theory]
    [InlineData(DecisionTrigger.EstimateExpired)]
    [InlineData(DecisionTrigger.WakeUp)]
    public void BeginDecision_OtherTriggers_AreRecorded(DecisionTrigger trigger)
    {
        var context = new SchedulingContext(8, new FakeSchedulingDriver());

        context.BeginDecision(At(7), trigger, null, default);

        Assert.Equal(trigger, context.Trigger);
        Assert.Equal(At(7), context.Now);
    }

    [Fact]
    public void DecisionTrigger_ValuesFollowTheDocumentedEventOrder()
    {
        Assert.Equal(0, (int)DecisionTrigger.EstimateExpired);
        Assert.Equal(1, (int)DecisionTrigger.Submission);
        Assert.Equal(2, (int)DecisionTrigger.Termination);
        Assert.Equal(3, (int)DecisionTrigger.WakeUp);
    }

    [Fact]
    public void PlannedRunTime_NoFunction_IsTheRequestedTime()
    {
        var context = new SchedulingContext(8, new FakeSchedulingDriver());

        Assert.Equal(Seconds(300), context.PlannedRunTime(Job(0, requestedSeconds: 300)));
        Assert.Equal(Duration.MaxValue, context.PlannedRunTime(Unbounded(1)));
    }

    [Fact]
    public void PlannedRunTime_WithFunction_UsesIt()
    {
        var asked = new List<JobRequest>();
        var context = new SchedulingContext(8, new FakeSchedulingDriver(), job =>
        {
            asked.Add(job);
            return Seconds(job.Processors * 10);
        });
        var job = Job(0, processors: 3, requestedSeconds: 300);

        Assert.Equal(Seconds(30), context.PlannedRunTime(job));
        Assert.Equal([job], asked);
    }

    [Fact]
    public void PlannedRunTime_Null_Throws()
    {
        var context = new SchedulingContext(8, new FakeSchedulingDriver());

        Assert.Throws<ArgumentNullException>(() => context.PlannedRunTime(null!));
    }

    [Fact]
    public void Start_ForwardsToTheDriverAndReturnsItsPlannedEnd()
    {
        var driver = new FakeSchedulingDriver { PlannedEnd = At(77) };
        var context = new SchedulingContext(8, driver);
        var first = Job(0);
        var second = Job(1);

        var end = context.Start(first);
        var backfilledEnd = context.Start(second, backfilled: true);

        Assert.Equal(At(77), end);
        Assert.Equal(At(77), backfilledEnd);
        Assert.Equal([(first, false), (second, true)], driver.Starts);
    }

    [Fact]
    public void WakeAt_ForwardsToTheDriver()
    {
        var driver = new FakeSchedulingDriver();
        var context = new SchedulingContext(8, driver);

        context.WakeAt(At(5));
        context.WakeAt(Instant.MaxValue);

        Assert.Equal([At(5), Instant.MaxValue], driver.WakeUps);
        Assert.Empty(driver.Starts);
    }

    [Fact]
    public void IdleProcessors_CountsEveryRunningJobWhateverItsPlannedEnd()
    {
        var context = new SchedulingContext(10, new FakeSchedulingDriver());
        context.Profile.Add(new RunningJob(Job(0, processors: 3), At(0), At(10)));
        context.Profile.Add(new RunningJob(Job(1, processors: 4), At(0), At(100)));
        context.BeginDecision(At(50), DecisionTrigger.WakeUp, null, default);

        Assert.Equal(3, context.IdleProcessors);
        Assert.Equal(6, context.Profile.FreeAt(context.Now));
    }

    [Fact]
    public void Waiting_IsOneQueueForTheWholeRun()
    {
        var context = new SchedulingContext(10, new FakeSchedulingDriver());
        var job = Job(0);

        context.Waiting.Enqueue(job, context.PlannedRunTime(job));
        context.BeginDecision(At(1), DecisionTrigger.Submission, job, default);

        Assert.Same(job, context.Waiting.Head);
    }

    [Fact]
    public void InvalidDecisionException_KeepsMessageAndInner()
    {
        var inner = new InvalidOperationException("inner");

        var error = new InvalidDecisionException("policy backfill/easy started job 1 twice.", inner);

        Assert.Equal("policy backfill/easy started job 1 twice.", error.Message);
        Assert.Same(inner, error.InnerException);
        Assert.Equal("plain", new InvalidDecisionException("plain").Message);
        Assert.NotNull(new InvalidDecisionException().Message);
    }
}
