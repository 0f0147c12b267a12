using Augur.Core.Jobs;
using Augur.Core.Scheduling;
using Augur.Core.Time;

namespace Augur.Service.Driver;

public sealed partial class LiveScheduler
{
    // Each predicted start adds steps to the profile that the next search walks: past this many positions the
    // walk would grow with the square of the queue and hold up the scheduler, so later jobs get no prediction.
    private const int PredictedPositions = 1000;

    private JobRequest[] queueBuffer = [];

    /// <summary>
    /// The waiting jobs in arrival order (the order the policy scans), each with the earliest start at which it
    /// fits after the running jobs' planned ends and the reservations of the jobs ahead of it: the start it gets
    /// if nothing else changes and nothing is backfilled past it.
    /// </summary>
    private QueueSnapshot Queue(int limit, string? user)
    {
        if (queueBuffer.Length < context.Waiting.Count)
        {
            queueBuffer = new JobRequest[Math.Max(context.Waiting.Count, queueBuffer.Length * 2)];
        }

        var count = context.Waiting.CopyTo(queueBuffer);
        var profile = new ReservationProfile(machine.Processors);
        profile.AdvanceTo(now);
        foreach (var running in context.Profile)
        {
            profile.Allocate(now, Instant.Max(running.EstimatedEnd, now), running.Request.Processors);
        }

        var entries = new List<QueueEntry>(Math.Min(limit, count));
        for (var position = 0; position < count && entries.Count < limit; position++)
        {
            var request = queueBuffer[position];
            var job = jobsByIndex[request.Index]!;
            var start = position < PredictedPositions ? profile.EarliestFit(request.Processors, job.Estimate, now) : Instant.MaxValue;
            if (start != Instant.MaxValue)
            {
                profile.Allocate(start, start + job.Estimate, request.Processors);
            }

            if (user is null || job.Record.Specification.User == user)
            {
                entries.Add(new QueueEntry(
                    position + 1,
                    request.Id,
                    job.Record.Specification.User,
                    job.Record.Specification.Name,
                    request.Processors,
                    job.Estimate == Duration.MaxValue ? double.PositiveInfinity : job.Estimate.TotalSeconds,
                    start == Instant.MaxValue ? null : start.Microseconds));
            }
        }

        Array.Clear(queueBuffer, 0, count);
        return new QueueSnapshot(now.Microseconds, count, entries);
    }

    private ClusterSnapshot Cluster() => new(
        now.Microseconds,
        machine,
        allocatedProcessors,
        reservedMemory,
        context.Profile.Count,
        context.Waiting.Count,
        policy.Id,
        estimator?.Predictor.Id,
        estimator?.Corrector.Id);
}
