using Augur.Core.Clusters;
using Augur.Core.Jobs;
using Augur.Core.Scheduling;
using Augur.Core.Time;

namespace Augur.Simulation.Engine;

/// <summary>
/// The discrete-event driver: replays a workload's submissions, calls the policy at every event in the
/// documented order, applies and checks its decisions, and ends each job at its true end (or at its
/// requested time, where a resource manager would kill it). Only this class sees outcomes.
/// </summary>
public sealed partial class Simulator : ISchedulingDriver
{
    private readonly Workload workload;
    private readonly ClusterSpec cluster;
    private readonly IPolicy policy;
    private readonly SchedulingContext context;
    private readonly EventHeap events = new();
    private readonly EventHeap releases = new();
    private readonly HashSet<long> pendingWakeUps = [];
    private readonly Instant[] starts;
    private readonly Instant[] ends;
    private readonly Instant[] plannedEnds;
    private readonly bool[] backfilled;
    private readonly bool[] killed;
    private long sequence;
    private long handledEvents;
    private int allocatedProcessors;
    private Instant now;

    public Simulator(Workload workload, ClusterSpec cluster, IPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(policy);
        this.workload = workload;
        this.cluster = cluster;
        this.policy = policy;
        context = new SchedulingContext(cluster.Processors, this);
        var count = workload.Count;
        starts = new Instant[count];
        ends = new Instant[count];
        plannedEnds = new Instant[count];
        backfilled = new bool[count];
        killed = new bool[count];
        Array.Fill(starts, Instant.MaxValue);
        Array.Fill(ends, Instant.MaxValue);
        foreach (var job in workload.Jobs)
        {
            if (job.Request.Processors > cluster.Processors)
            {
                throw new ArgumentException($"{job.Request} needs {job.Request.Processors} processors but the cluster has {cluster.Processors}; filter it out first.", nameof(workload));
            }
        }
    }

    /// <summary>Called every few thousand events with the number of jobs ended so far.</summary>
    public Action<int>? Progress { get; init; }

    public static SimulationResult Run(Workload workload, ClusterSpec cluster, IPolicy policy) =>
        new Simulator(workload, cluster, policy).Run();

    public SimulationResult Run()
    {
        var jobs = workload.Jobs;
        var nextSubmission = 0;
        var ended = 0;
        while (nextSubmission < jobs.Count || events.Count > 0)
        {
            SimulationEvent current;
            if (nextSubmission < jobs.Count &&
                (events.Count == 0 || new SimulationEvent(jobs[nextSubmission].Request.Submit.Microseconds, DecisionTrigger.Submission, nextSubmission, nextSubmission).Precedes(events.Peek())))
            {
                current = new SimulationEvent(jobs[nextSubmission].Request.Submit.Microseconds, DecisionTrigger.Submission, nextSubmission, nextSubmission);
                nextSubmission++;
            }
            else
            {
                current = events.Pop();
            }

            AdvanceClock(current.Time);
            switch (current.Kind)
            {
                case DecisionTrigger.Submission:
                    HandleSubmission(jobs[current.Job].Request);
                    break;
                case DecisionTrigger.Termination:
                    HandleTermination(jobs[current.Job].Request);
                    ended++;
                    break;
                case DecisionTrigger.WakeUp:
                    HandleWakeUp(current.Time);
                    break;
                default:
                    throw new InvalidOperationException($"unexpected event kind {current.Kind}");
            }

            context.Waiting.CompactIfSparse();
            if ((++handledEvents & 0xFFF) == 0)
            {
                Progress?.Invoke(ended);
            }
        }

        Progress?.Invoke(ended);
        return new SimulationResult(workload, cluster, policy.Id, starts, ends, backfilled, killed, handledEvents);
    }

    /// <summary>
    /// Moving to a new instant frees the processors of every job that truly ends at it, before any event
    /// of that instant is handled: policies may plan with them (a job at its requested end), while they
    /// hear of each termination in event order.
    /// </summary>
    private void AdvanceClock(long time)
    {
        if (time < now.Microseconds)
        {
            throw new InvalidOperationException($"the clock went back from {now} to {new Instant(time)}");
        }

        now = new Instant(time);
        while (releases.Count > 0 && releases.Peek().Time <= time)
        {
            allocatedProcessors -= workload.Jobs[releases.Pop().Job].Request.Processors;
        }
    }

    private void HandleSubmission(JobRequest job)
    {
        context.Waiting.Enqueue(job, context.PlannedRunTime(job));
        context.BeginDecision(now, DecisionTrigger.Submission, job, default);
        policy.Decide(context);
    }

    private void HandleTermination(JobRequest job)
    {
        var planned = context.Profile.Remove(job, plannedEnds[job.Index]);
        context.BeginDecision(now, DecisionTrigger.Termination, null, planned);
        policy.Decide(context);
    }

    private void HandleWakeUp(long time)
    {
        if (!pendingWakeUps.Remove(time))
        {
            return;
        }

        context.BeginDecision(now, DecisionTrigger.WakeUp, null, default);
        policy.Decide(context);
    }
}
