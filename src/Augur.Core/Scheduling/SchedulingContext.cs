using Augur.Core.Jobs;
using Augur.Core.Time;

namespace Augur.Core.Scheduling;

/// <summary>
/// The scheduling view a policy decides on: the time, why it is asked, the waiting jobs in arrival order,
/// the running jobs with their planned ends, and the machine. It has no path to any job's outcome.
/// One instance lives for a whole run; the driver updates it between decisions.
/// </summary>
public sealed class SchedulingContext
{
    private readonly ISchedulingDriver driver;
    private readonly Func<JobRequest, Duration> plannedRunTime;

    /// <param name="totalProcessors">The machine's processors.</param>
    /// <param name="driver">Applies and checks the decisions.</param>
    /// <param name="plannedRunTime">The run time to plan a waiting job with; the requested time when null.</param>
    public SchedulingContext(int totalProcessors, ISchedulingDriver driver, Func<JobRequest, Duration>? plannedRunTime = null)
    {
        ArgumentNullException.ThrowIfNull(driver);
        this.driver = driver;
        this.plannedRunTime = plannedRunTime ?? (job => job.RequestedTime);
        Profile = new AvailabilityProfile(totalProcessors);
    }

    /// <summary>The current instant of the driver's clock (virtual or wall).</summary>
    public Instant Now { get; private set; }

    public DecisionTrigger Trigger { get; private set; }

    /// <summary>The submitted job, for <see cref="DecisionTrigger.Submission"/>; otherwise null.</summary>
    public JobRequest? TriggerJob { get; private set; }

    /// <summary>The job that ended, for <see cref="DecisionTrigger.Termination"/> (as it was planned).</summary>
    public RunningJob Ended { get; private set; }

    /// <summary>
    /// For <see cref="DecisionTrigger.EstimateExpired"/>: the running job that outlived its estimate, with its
    /// corrected estimated end (already in <see cref="Profile"/>); <see cref="PreviousEstimatedEnd"/> is the
    /// end it outlived.
    /// </summary>
    public RunningJob Expired { get; private set; }

    public Instant PreviousEstimatedEnd { get; private set; }

    public WaitingQueue Waiting { get; } = new();

    /// <summary>Running jobs sorted by planned end: the availability profile.</summary>
    public AvailabilityProfile Profile { get; }

    public int TotalProcessors => Profile.TotalProcessors;

    /// <summary>Processors not held by any running job (jobs past their planned end still hold theirs).</summary>
    public int IdleProcessors => Profile.TotalProcessors - Profile.CommittedProcessors;

    /// <summary>
    /// The run time the scheduler plans with for a job that has not started: its requested time (or, with a
    /// predictor, its prediction).
    /// </summary>
    public Duration PlannedRunTime(JobRequest job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return plannedRunTime(job);
    }

    /// <summary>Starts <paramref name="job"/> now; the driver checks the decision and throws if it is invalid.</summary>
    /// <returns>The end the scheduler now plans with for this job.</returns>
    public Instant Start(JobRequest job, bool backfilled = false) => driver.StartJob(job, backfilled);

    /// <summary>Asks to be called again at <paramref name="instant"/> even if nothing else happens then.</summary>
    public void WakeAt(Instant instant) => driver.WakeAt(instant);

    /// <summary>Sets the decision point (driver use).</summary>
    internal void BeginDecision(Instant now, DecisionTrigger trigger, JobRequest? triggerJob, RunningJob ended)
    {
        Now = now;
        Trigger = trigger;
        TriggerJob = triggerJob;
        Ended = ended;
        Expired = default;
        PreviousEstimatedEnd = default;
    }

    /// <summary>Sets a decision point for a running job that outlived its estimate (driver use).</summary>
    internal void BeginExpiry(Instant now, RunningJob corrected, Instant previousEstimatedEnd)
    {
        BeginDecision(now, DecisionTrigger.EstimateExpired, null, default);
        Expired = corrected;
        PreviousEstimatedEnd = previousEstimatedEnd;
    }
}
