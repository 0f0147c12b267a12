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

    /// <summary>A usage error from an option's range check, with the framework's parameter suffix removed.</summary>
    public static CommandLineFailureException Usage(ArgumentOutOfRangeException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var message = exception.Message.Split('\n')[0];
        var suffix = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return new CommandLineFailureException(ExitCodes.Usage, suffix >= 0 ? message[..suffix] : message);
    }
}
