namespace Augur.Reports.Comparisons;

/// <summary>A run folder that cannot be compared: no summary.json, or one that is not Augur's. Names the file and the reason.</summary>
public sealed class RunFolderException : Exception
{
    public RunFolderException()
    {
    }

    public RunFolderException(string message)
        : base(message)
    {
    }

    public RunFolderException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
