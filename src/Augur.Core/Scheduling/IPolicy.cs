namespace Augur.Core.Scheduling;

/// <summary>
/// A scheduling policy: it reads the view and records decisions on it; it never applies them and never
/// sees a clock other than <see cref="SchedulingContext.Now"/>. The simulator and the live service drive
/// the same objects. A policy instance serves one run.
/// </summary>
public interface IPolicy
{
    /// <summary>The stable id (<c>family/name</c>) this policy was built from.</summary>
    string Id { get; }

    /// <summary>Called at every decision point; record decisions with <see cref="SchedulingContext.Start"/>.</summary>
    void Decide(SchedulingContext context);
}
