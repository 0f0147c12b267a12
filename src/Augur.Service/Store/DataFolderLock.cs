namespace Augur.Service.Store;

/// <summary>
/// One service per data folder: a second <c>augur serve</c> on the same folder would recover the first one's
/// running jobs as its own and start its queued jobs a second time. The lock is an exclusive, non-blocking
/// lock on <c>augur.lock</c> in the folder (on Linux .NET takes it with flock for <see cref="FileShare.None"/>),
/// released when the process ends, however it ends.
/// </summary>
public sealed class DataFolderLock : IDisposable
{
    public const string FileName = "augur.lock";

    private readonly FileStream file;

    private DataFolderLock(FileStream file) => this.file = file;

    /// <exception cref="DataFolderInUseException">Another process holds the folder.</exception>
    public static DataFolderLock Acquire(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var path = Path.Combine(folder, FileName);
        try
        {
            return new DataFolderLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException exception)
        {
            throw new DataFolderInUseException($"{folder} is in use by another augur serve ({path} is locked); stop it first or give another --data", exception);
        }
    }

    public void Dispose() => file.Dispose();
}
