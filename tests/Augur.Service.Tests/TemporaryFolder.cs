namespace Augur.Service.Tests;

/// <summary>A fresh folder under the system's temporary folder, deleted at the end of the test.</summary>
public sealed class TemporaryFolder : IDisposable
{
    public TemporaryFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "augur-service-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A job's process may still hold a file open; the system's cleaner removes it later.
        }
    }
}
