namespace Augur.Service.Executors;

/// <summary>The data folder holds running jobs that another executor started; this one must not take them over.</summary>
public sealed class ExecutorMismatchException : Exception
{
    public ExecutorMismatchException()
    {
    }

    public ExecutorMismatchException(string message)
        : base(message)
    {
    }

    public ExecutorMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
