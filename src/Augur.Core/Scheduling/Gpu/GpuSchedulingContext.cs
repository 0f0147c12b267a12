using Augur.Core.Jobs;
using Augur.Core.Resources;
using Augur.Core.Time;

namespace Augur.Core.Scheduling.Gpu;

/// <summary>
/// What a GPU policy sees at a decision point: the time, the jobs' requests, those waiting (in arrival
/// order) and those that just arrived, the free resources, the run's placement policy and, when the run
/// has a predictor, each job's predicted run time. No path leads to a job's true run time. Everything here
/// is read-only to a policy: it decides (start, preempt, wake me) and the driver applies and checks.
/// </summary>
public sealed class GpuSchedulingContext
{
    private readonly IGpuSchedulingDriver driver;
    private readonly long[]? predictedMicroseconds;
    private readonly GpuAllocation buffer = new();
    private readonly List<int> arrived = [];
    private readonly GpuWaitingQueue waiting;
    private readonly GpuWaitingQueue running;
    private GpuPreemptionPlan? plan;

    internal GpuSchedulingContext(
        IReadOnlyList<GpuJobRequest> jobs,
        GpuClusterState state,
        IGpuPlacement placement,
        IGpuSchedulingDriver driver,
        long[]? predictedMicroseconds = null)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        Jobs = jobs;
        State = state;
        Placement = placement;
        this.driver = driver;
        this.predictedMicroseconds = predictedMicroseconds;
        waiting = new GpuWaitingQueue(jobs.Count);
        running = new GpuWaitingQueue(jobs.Count);
    }

    public Instant Now { get; private set; }

    public IReadOnlyList<GpuJobRequest> Jobs { get; }

    public GpuJobQueueView Waiting => new(waiting);

    /// <summary>Running jobs, in the order they (last) started.</summary>
    public GpuJobQueueView Running => new(running);

    /// <summary>Jobs submitted at <see cref="Now"/>, in arrival order (they are also in <see cref="Waiting"/>).</summary>
    public IReadOnlyList<int> Arrived => arrived;

    /// <summary>The free resources (read-only to policies).</summary>
    public GpuClusterState State { get; }

    public IGpuPlacement Placement { get; }

    public bool HasPredictions => predictedMicroseconds is not null;

    /// <summary>
    /// A plan of preemptions and starts tried on a copy of the free resources, applied at once by
    /// <see cref="GpuPreemptionPlan.Commit"/>: what a preemptive policy uses so that it never preempts a job
    /// whose resources do not let the job it preempts for be placed.
    /// </summary>
    public GpuPreemptionPlan Plan => plan ??= new GpuPreemptionPlan(this, driver);

    /// <summary>The run's prediction of <paramref name="job"/>'s run time, made at its submission.</summary>
    public Duration PredictedRunTime(int job) =>
        predictedMicroseconds is null
            ? throw new InvalidOperationException("This run has no predictor.")
            : new Duration(predictedMicroseconds[job]);

    /// <summary>Places <paramref name="job"/> with the run's placement policy and starts it; false when it does not fit now.</summary>
    public bool TryStart(int job)
    {
        if (!Placement.TryPlace(Jobs[job].Resources, State, buffer))
        {
            return false;
        }

        driver.Start(job, buffer);
        return true;
    }

    /// <summary>Starts <paramref name="job"/> on a placement the policy chose itself.</summary>
    public void Start(int job, GpuAllocation allocation) => driver.Start(job, allocation);

    /// <summary>Stops running <paramref name="job"/> now; it waits again and resumes from its checkpoint when started.</summary>
    public void Preempt(int job) => driver.Preempt(job);

    /// <summary>Asks for a decision at <paramref name="instant"/>.</summary>
    public void WakeAt(Instant instant) => driver.WakeAt(instant);

    /// <summary>GPU-seconds <paramref name="job"/> has held so far: what least-attained-service policies rank by.</summary>
    public double AttainedGpuSeconds(int job) => driver.AttainedGpuSeconds(job);

    /// <summary>Time <paramref name="job"/> has held its resources so far, over all its runs: what remaining-time policies subtract.</summary>
    public Duration AttainedRunTime(int job) => driver.AttainedRunTime(job);

    /// <summary>Joules <paramref name="job"/> has been charged so far (its share of its GPUs at full-load power): what energy-fair policies rank by.</summary>
    public double AttainedEnergyJoules(int job) => driver.AttainedEnergyJoules(job);

    /// <summary>For drivers: moves the view to <paramref name="now"/> and forgets the previous arrivals.</summary>
    internal void Advance(Instant now)
    {
        Now = now;
        arrived.Clear();
    }

    /// <summary>For drivers: a job was submitted at <see cref="Now"/>.</summary>
    internal void Submit(int job)
    {
        waiting.Add(job);
        arrived.Add(job);
    }

    /// <summary>For drivers: a waiting job started.</summary>
    internal void MarkStarted(int job)
    {
        waiting.Remove(job);
        running.Add(job);
    }

    /// <summary>For drivers: a running job was preempted and waits again.</summary>
    internal void MarkPreempted(int job)
    {
        running.Remove(job);
        waiting.Add(job);
    }

    /// <summary>For drivers: a running job ended.</summary>
    internal void MarkEnded(int job) => running.Remove(job);
}
