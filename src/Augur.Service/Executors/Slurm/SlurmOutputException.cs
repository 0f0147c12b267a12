namespace Augur.Service.Executors.Slurm;

/// <summary>A Slurm client printed something Augur cannot read; the message names the command, the line, the field and why.</summary>
public sealed class SlurmOutputException : Exception
{
    public SlurmOutputException()
    {
    }

    public SlurmOutputException(string message)
        : base(message)
    {
    }

    public SlurmOutputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public static SlurmOutputException At(string source, int line, string field, string reason) =>
        new($"{source}: line {line}: field {field}: {reason}");
}
