namespace Augur.Cli.Sweeps;

/// <summary>A sweep file that cannot be run: the message names the file, the line, the field and the reason.</summary>
public sealed class SweepFileException : Exception
{
    public SweepFileException()
    {
    }

    public SweepFileException(string message)
        : base(message)
    {
    }

    public SweepFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
