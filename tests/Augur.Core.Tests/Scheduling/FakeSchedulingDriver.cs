using Augur.Core.Jobs;
using Augur.Core.Scheduling;
using Augur.Core.Time;

namespace Augur.Core.Tests.Scheduling;

/// <summary>A driver that records what it is asked and answers every start with a fixed planned end.</summary>
internal sealed class FakeSchedulingDriver : ISchedulingDriver
{
    public List<(JobRequest Job, bool Backfilled)> Starts { get; } = [];

    public List<Instant> WakeUps { get; } = [];

    public Instant PlannedEnd { get; set; } = Instant.FromSeconds(1_000);

    public Instant StartJob(JobRequest job, bool backfilled)
    {
        Starts.Add((job, backfilled));
        return PlannedEnd;
    }

    public void WakeAt(Instant instant) => WakeUps.Add(instant);
}
