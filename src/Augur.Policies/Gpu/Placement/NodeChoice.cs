namespace Augur.Policies.Gpu.Placement;

/// <summary>How a gang placement picks its next node.</summary>
internal enum NodeChoice
{
    /// <summary>The lowest-numbered node that holds the rest of the gang, else the node with the most free GPUs.</summary>
    FirstFit,

    /// <summary>The node that holds the rest of the gang with the fewest GPUs left over, else the node with the most free GPUs.</summary>
    BestFit,
}
