using Augur.Service.Executors;

namespace Augur.Service.Executors.Local;

/// <summary>A job's process could not be started (no such program, no permission); the job fails with this message.</summary>
public sealed class SpawnFailedException : LaunchFailedException
{
    public SpawnFailedException()
    {
    }

    public SpawnFailedException(string message)
        : base(message)
    {
    }

    public SpawnFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
