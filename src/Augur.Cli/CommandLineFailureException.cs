namespace Augur.Cli;

/// <summary>A failure a command reports with its own exit code and message (no stack trace).</summary>
public sealed class CommandLineFailureException : Exception
{
    public CommandLineFailureException()
    {
    }

    public CommandLineFailureException(string message)
        : base(message)
    {
    }

    public CommandLineFailureException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CommandLineFailureException(int exitCode, string message)
        : base(message)
    {
        ExitCode = exitCode;
    }

    public int ExitCode { get; } = ExitCodes.Failure;
}
