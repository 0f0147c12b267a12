using Augur.Core.Jobs;
using Augur.Core.Scheduling;

namespace Augur.Policies.Tests;

/// <summary>
/// Wraps a policy and records, for every decision, the time, the trigger, the job it concerns and which
/// jobs the wrapped policy started in it: lets a test see in which pass of an instant a job started.
/// </summary>
internal sealed class RecordingPolicy(IPolicy inner) : IPolicy
{
    private readonly List<Decision> decisions = [];

    public string Id => inner.Id;

    public IReadOnlyList<Decision> Decisions => decisions;

    public void Decide(SchedulingContext context)
    {
        var before = Snapshot(context);
        inner.Decide(context);
        var after = Snapshot(context);
        var started = before.Where(id => !after.Contains(id)).ToArray();
        var subject = context.Trigger switch
        {
            DecisionTrigger.Submission => context.TriggerJob?.Id,
            DecisionTrigger.Termination => context.Ended.Request?.Id,
            _ => null,
        };
        decisions.Add(new Decision(context.Now.WholeSeconds, context.Trigger, subject, started));
    }

    /// <summary>One line per decision at <paramref name="seconds"/>: "Submission 4: started 2,4".</summary>
    public string[] DescribeAt(long seconds) =>
        decisions.Where(d => d.Seconds == seconds).Select(d => d.ToString()).ToArray();

    private static List<long> Snapshot(SchedulingContext context)
    {
        var buffer = new JobRequest[Math.Max(1, context.Waiting.Count)];
        var count = context.Waiting.CopyTo(buffer);
        return buffer.Take(count).Select(job => job.Id).ToList();
    }

    internal sealed record Decision(long Seconds, DecisionTrigger Trigger, long? Subject, long[] Started)
    {
        public override string ToString() =>
            $"{Trigger} {Subject?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}: started {(Started.Length == 0 ? "none" : string.Join(",", Started))}";
    }
}
