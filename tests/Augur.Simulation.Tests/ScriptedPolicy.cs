using System.Globalization;

using Augur.Core.Jobs;
using Augur.Core.Scheduling;

namespace Augur.Simulation.Tests;

/// <summary>
/// A test policy: records every decision as "time trigger subject" (seconds; the submitted or ended job's
/// id) and runs a script on the context. Without a script it decides nothing.
/// </summary>
internal sealed class ScriptedPolicy(string id = "test/scripted", Action<SchedulingContext>? script = null) : IPolicy
{
    private readonly List<string> log = [];

    public string Id => id;

    /// <summary>One line per decision, in the order the driver asked: "100 Submission 3".</summary>
    public IReadOnlyList<string> Log => log;

    public int Decisions => log.Count;

    public void Decide(SchedulingContext context)
    {
        var subject = context.Trigger switch
        {
            DecisionTrigger.Submission => context.TriggerJob?.Id.ToString(CultureInfo.InvariantCulture),
            DecisionTrigger.Termination => context.Ended.Request?.Id.ToString(CultureInfo.InvariantCulture),
            _ => null,
        };
        log.Add(subject is null
            ? $"{context.Now.WholeSeconds} {context.Trigger}"
            : $"{context.Now.WholeSeconds} {context.Trigger} {subject}");
        script?.Invoke(context);
    }

    /// <summary>Starts waiting jobs in arrival order, skipping those that do not fit now (first fit).</summary>
    public static void FirstFit(SchedulingContext context)
    {
        var free = context.Profile.FreeAt(context.Now);
        foreach (var job in context.Waiting)
        {
            if (job.Processors <= free)
            {
                context.Start(job);
                free -= job.Processors;
            }
        }
    }

    /// <summary>The waiting jobs, in arrival order (a copy).</summary>
    public static JobRequest[] WaitingJobs(SchedulingContext context)
    {
        var buffer = new JobRequest[Math.Max(1, context.Waiting.Count)];
        var count = context.Waiting.CopyTo(buffer);
        return buffer[..count];
    }
}
