namespace Augur.Core.Jobs;

/// <summary>
/// Who submitted a job and where: the categorical features known at submission. Values are the trace's
/// codes (SWF numbers); -1 means unknown.
/// </summary>
public readonly record struct JobFeatures(int User, int Group, int Executable, int Queue, int Partition)
{
    public static JobFeatures None { get; } = new(-1, -1, -1, -1, -1);
}
