namespace Augur.Service.Executors;

/// <summary>A job could not be started at all (no such program, a rejected submission); the job fails with this message.</summary>
public class LaunchFailedException : Exception
{
    public LaunchFailedException()
    {
    }

    public LaunchFailedException(string message)
        : base(message)
    {
    }

    public LaunchFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
