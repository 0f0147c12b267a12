using Augur.Core.Scheduling;
namespace Augur.Simulation.Engine;

/// <summary>
/// An event in the queue: ordered by time, then kind, then sequence number (creation order), so that
/// runs are deterministic whatever the heap's internal layout.
/// </summary>
internal readonly record struct SimulationEvent(long Time, DecisionTrigger Kind, long Sequence, int Job)
{
    public bool Precedes(in SimulationEvent other)
    {
        if (Time != other.Time)
        {
            return Time < other.Time;
        }

        if (Kind != other.Kind)
        {
            return Kind < other.Kind;
        }

        return Sequence < other.Sequence;
    }
}
