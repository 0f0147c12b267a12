using Augur.Service.Store;

namespace Augur.Service.Tests.Store;

public sealed class DataFolderLockTests
{
    [Fact]
    public void Acquire_FolderAlreadyHeld_RefusesNamingTheFolder()
    {
        using var folder = new TemporaryFolder();
        using var first = DataFolderLock.Acquire(folder.Path);

        var error = Assert.Throws<DataFolderInUseException>(() => DataFolderLock.Acquire(folder.Path));

        Assert.Contains($"{folder.Path} is in use by another augur serve", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Acquire_AfterTheHolderLetGo_Succeeds()
    {
        using var folder = new TemporaryFolder();
        DataFolderLock.Acquire(folder.Path).Dispose();

        using var second = DataFolderLock.Acquire(folder.Path);

        Assert.True(File.Exists(Path.Combine(folder.Path, DataFolderLock.FileName)));
    }
}
