namespace Augur.Service.Store;

/// <summary>The data folder is locked by another <c>augur serve</c>.</summary>
public sealed class DataFolderInUseException : Exception
{
    public DataFolderInUseException()
    {
    }

    public DataFolderInUseException(string message)
        : base(message)
    {
    }

    public DataFolderInUseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
