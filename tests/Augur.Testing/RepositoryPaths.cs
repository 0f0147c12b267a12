using System.Runtime.CompilerServices;

namespace Augur.Testing;

/// <summary>
/// Where tests find files that are not copied to their output directory: the repository root (the
/// directory holding <c>Augur.slnx</c>), and the shared real traces next to it.
/// </summary>
public static class RepositoryPaths
{
    private const string SolutionFile = "Augur.slnx";

    private static readonly Lazy<string> RootPath = new(() => FindRoot());

    /// <summary>
    /// The directory containing <c>Augur.slnx</c>: found by walking up from the test's output directory
    /// (<see cref="AppContext.BaseDirectory"/>), else from the working directory, else from where this file was
    /// compiled (builds with <c>--artifacts-path</c> outside the repository put the output elsewhere).
    /// </summary>
    public static string Root => RootPath.Value;

    /// <summary>The shared, read-only real traces: <c>&lt;root&gt;/../shared/traces</c>, normalized.</summary>
    public static string SharedTraces => Path.GetFullPath(Path.Combine(Root, "..", "shared", "traces"));

    private static string FindRoot([CallerFilePath] string sourceFile = "")
    {
        string?[] starts = [AppContext.BaseDirectory, Environment.CurrentDirectory, Path.GetDirectoryName(sourceFile)];
        foreach (var start in starts)
        {
            if (string.IsNullOrEmpty(start) || !Directory.Exists(start))
            {
                continue;
            }

            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException(
            $"No {SolutionFile} above {AppContext.BaseDirectory}, {Environment.CurrentDirectory} or {sourceFile}: run the tests from a build of the repository.");
    }
}
