using Augur.Core.Jobs;
using Augur.Core.Scheduling;
using Augur.Core.Time;

namespace Augur.Simulation.Engine;

public sealed partial class Simulator
{
    /// <inheritdoc/>
    public Instant StartJob(JobRequest job, bool backfilled)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.Index >= starts.Length || !ReferenceEquals(workload.Jobs[job.Index].Request, job))
        {
            throw Invalid($"started {job}, which is not in this run's workload");
        }

        if (starts[job.Index] != Instant.MaxValue)
        {
            throw Invalid($"started {job} twice (first at {starts[job.Index]})");
        }

        // The policy's own view comes first: checking only against the truth would let a policy learn, from
        // a start that succeeds, that a running job has already ended.
        var planned = context.Profile.FreeAt(now);
        var free = Math.Min(planned, cluster.Processors - allocatedProcessors);
        if (job.Processors > free)
        {
            throw Invalid($"started {job} needing {job.Processors} processors at {now}, when only {free} of {cluster.Processors} were free");
        }

        if (!context.Waiting.Remove(job))
        {
            throw Invalid($"started {job}, which is not waiting");
        }

        var outcome = workload.Jobs[job.Index].Outcome;
        var runTime = outcome.RunTime;
        if (job.HasRequestedTime && runTime > job.RequestedTime)
        {
            // A resource manager kills a job at its wall-time limit; so does the simulator.
            runTime = job.RequestedTime;
            killed[job.Index] = true;
        }

        var end = now + runTime;
        var plannedEnd = now + context.PlannedRunTime(job);
        waitingProcessors -= job.Processors;
        starts[job.Index] = now;
        ends[job.Index] = end;
        plannedEnds[job.Index] = plannedEnd;
        this.backfilled[job.Index] = backfilled;
        context.Profile.Add(new RunningJob(job, now, plannedEnd));
        events.Push(new SimulationEvent(end.Microseconds, DecisionTrigger.Termination, sequence++, job.Index));
        if (plannedEnd < end)
        {
            // A job that ends exactly at its estimate has not outlived it: only a later end raises the event.
            events.Push(new SimulationEvent(plannedEnd.Microseconds, DecisionTrigger.EstimateExpired, sequence++, job.Index));
        }

        if (end > now)
        {
            allocatedProcessors += job.Processors;
            releases.Push(new SimulationEvent(end.Microseconds, DecisionTrigger.Termination, 0, job.Index));
        }

        return plannedEnd;
    }

    /// <inheritdoc/>
    public void WakeAt(Instant instant)
    {
        if (instant < now)
        {
            throw Invalid($"asked to wake at {instant}, before now ({now})");
        }

        // Never: nothing to wait for. Now, asked from a wake-up at now: the policy is already deciding.
        if (instant == Instant.MaxValue || (instant == now && context.Trigger == DecisionTrigger.WakeUp))
        {
            return;
        }

        if (pendingWakeUps.Add(instant.Microseconds))
        {
            events.Push(new SimulationEvent(instant.Microseconds, DecisionTrigger.WakeUp, sequence++, -1));
        }
    }

    private InvalidDecisionException Invalid(string what) => new($"policy {policy.Id} {what}.");
}
