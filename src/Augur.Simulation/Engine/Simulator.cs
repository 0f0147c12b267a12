using Augur.Core.Clusters;
using Augur.Core.Jobs;
using Augur.Core.Prediction;
using Augur.Core.Scheduling;
using Augur.Core.Time;
using Augur.Simulation.Predictions;

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
    private readonly PredictionLog? predictions;
    private readonly List<int> expiredNow = [];
    private readonly List<Instant> previousEnds = [];
    private long sequence;
    private long waitingProcessors;
    private long handledEvents;
    private int allocatedProcessors;
    private Instant now;

    /// <param name="workload">The jobs, with their outcomes (only this class reads them).</param>
    /// <param name="cluster">The machine.</param>
    /// <param name="policy">Decides.</param>
    /// <param name="estimator">
    /// Plans with predicted run times, corrected when a job outlives them; without it, with requested times.
    /// </param>
    public Simulator(Workload workload, ClusterSpec cluster, IPolicy policy, RunTimeEstimator? estimator = null)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(policy);
        this.workload = workload;
        this.cluster = cluster;
        this.policy = policy;
        var count = workload.Count;
        if (estimator is not null)
        {
            predictions = new PredictionLog(estimator, count);
            context = new SchedulingContext(cluster.Processors, this, predictions.EstimateOf);
        }
        else
        {
            context = new SchedulingContext(cluster.Processors, this);
        }

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

    public static SimulationResult Run(Workload workload, ClusterSpec cluster, IPolicy policy, RunTimeEstimator? estimator = null) =>
        new Simulator(workload, cluster, policy, estimator).Run();

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
                case DecisionTrigger.EstimateExpired:
                    HandleExpiry(jobs[current.Job].Request);
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
        return new SimulationResult(workload, cluster, policy.Id, starts, ends, backfilled, killed, handledEvents, predictions?.ToRecord());
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
        predictions?.Predict(job, new PredictionContext(now, context.Waiting.Count, waitingProcessors, context.Profile.Count, context.Profile.CommittedProcessors));
        waitingProcessors += job.Processors;
        context.Waiting.Enqueue(job, context.PlannedRunTime(job));
        context.BeginDecision(now, DecisionTrigger.Submission, job, default);
        policy.Decide(context);
    }

    private void HandleTermination(JobRequest job)
    {
        var planned = context.Profile.Remove(job, plannedEnds[job.Index]);
        if (predictions is not null)
        {
            var outcome = workload.Jobs[job.Index].Outcome;
            predictions.Learn(job, outcome with { RunTime = ends[job.Index] - starts[job.Index] }, now);
        }

        context.BeginDecision(now, DecisionTrigger.Termination, null, planned);
        policy.Decide(context);
    }

    /// <summary>
    /// A running job reached its estimated end and runs on: the corrector extends the estimate, the profile
    /// follows, and the policy is told (it may replan; EASY does not). Every other estimate that expires at
    /// this instant is corrected first, before the policy hears of any: a policy deciding on the first would
    /// otherwise see the others' processors as free while those jobs still run.
    /// </summary>
    private void HandleExpiry(JobRequest job)
    {
        expiredNow.Clear();
        previousEnds.Clear();
        expiredNow.Add(job.Index);
        while (events.Count > 0 && events.Peek().Time == now.Microseconds && events.Peek().Kind == DecisionTrigger.EstimateExpired)
        {
            expiredNow.Add(events.Pop().Job);
            handledEvents++;
        }

        var jobs = workload.Jobs;
        foreach (var index in expiredNow)
        {
            previousEnds.Add(CorrectEstimate(jobs[index].Request));
        }

        for (var i = 0; i < expiredNow.Count; i++)
        {
            var expired = jobs[expiredNow[i]].Request;
            context.BeginExpiry(now, new RunningJob(expired, starts[expired.Index], plannedEnds[expired.Index]), previousEnds[i]);
            policy.Decide(context);
        }
    }

    /// <summary>Extends <paramref name="job"/>'s estimate and schedules its next expiry; returns the end it outlived.</summary>
    private Instant CorrectEstimate(JobRequest job)
    {
        var previous = plannedEnds[job.Index];
        var corrected = starts[job.Index] + predictions!.Correct(job, previous - starts[job.Index]);
        plannedEnds[job.Index] = corrected;
        context.Profile.ChangeEstimatedEnd(job, previous, corrected);
        if (corrected < ends[job.Index])
        {
            events.Push(new SimulationEvent(corrected.Microseconds, DecisionTrigger.EstimateExpired, sequence++, job.Index));
        }

        return previous;
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
