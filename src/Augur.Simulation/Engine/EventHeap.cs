namespace Augur.Simulation.Engine;

/// <summary>A binary min-heap of struct events in one array: no allocation per event.</summary>
internal sealed class EventHeap
{
    private SimulationEvent[] items;

    public EventHeap(int capacity = 256)
    {
        items = new SimulationEvent[Math.Max(4, capacity)];
    }

    public int Count { get; private set; }

    public ref readonly SimulationEvent Peek() => ref items[0];

    public void Push(in SimulationEvent item)
    {
        if (Count == items.Length)
        {
            Array.Resize(ref items, items.Length * 2);
        }

        var position = Count++;
        while (position > 0)
        {
            var parent = (position - 1) >> 1;
            if (!item.Precedes(items[parent]))
            {
                break;
            }

            items[position] = items[parent];
            position = parent;
        }

        items[position] = item;
    }

    public SimulationEvent Pop()
    {
        var top = items[0];
        var last = items[--Count];
        var position = 0;
        while (true)
        {
            var child = (2 * position) + 1;
            if (child >= Count)
            {
                break;
            }

            if (child + 1 < Count && items[child + 1].Precedes(items[child]))
            {
                child++;
            }

            if (!items[child].Precedes(last))
            {
                break;
            }

            items[position] = items[child];
            position = child;
        }

        items[position] = last;
        return top;
    }
}
