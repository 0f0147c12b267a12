namespace Augur.Cli.Sweeps;

/// <summary>
/// A sweep laid out before it runs: every run of the product with its key and folder, and which runs are
/// still to do (those without a finished folder of the same key). Local and Slurm sweeps share it, so that a
/// run has the same folder and key wherever it executes.
/// </summary>
public sealed class SweepPlan
{
    private SweepPlan(SweepFile sweep, IReadOnlyList<SweepRun> runs, string[] keys, string[] folders, bool[] resumed)
    {
        Sweep = sweep;
        Runs = runs;
        Keys = keys;
        Folders = folders;
        Resumed = resumed;
        Pending = Enumerable.Range(0, runs.Count).Where(i => !resumed[i]).ToList();
    }

    public SweepFile Sweep { get; }

    public IReadOnlyList<SweepRun> Runs { get; }

    public IReadOnlyList<string> Keys { get; }

    public IReadOnlyList<string> Folders { get; }

    /// <summary>True for a run whose folder already holds its finished result.</summary>
    public IReadOnlyList<bool> Resumed { get; }

    /// <summary>The indices (into <see cref="Runs"/>) of the runs still to do, in product order.</summary>
    public IReadOnlyList<int> Pending { get; }

    public static SweepPlan Of(SweepFile sweep)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        var runs = sweep.Runs();

        // Each file's content is hashed once, however many runs read it.
        var digests = new Dictionary<string, string>(StringComparer.Ordinal);
        string Digest(string file)
        {
            if (!digests.TryGetValue(file, out var digest))
            {
                digest = SweepRunKey.DigestOf(file);
                digests[file] = digest;
            }

            return digest;
        }

        var keys = new string[runs.Count];
        var folders = new string[runs.Count];
        var resumed = new bool[runs.Count];
        for (var i = 0; i < runs.Count; i++)
        {
            if (runs[i].IsGpu)
            {
                var request = GpuSweepRequest.Of(sweep, runs[i], sweep.Output);
                var nodes = GpuSweepRequest.NodesFileOf(request);
                keys[i] = SweepRunKey.OfGpu(request, Digest(runs[i].Trace), nodes is null ? null : Digest(nodes), sweep.Gpu!.Power);
                folders[i] = Path.Combine(sweep.Output, SweepRunner.GpuFolderName(request, sweep.Gpu.Power, keys[i]));
            }
            else
            {
                keys[i] = SweepRunKey.Of(sweep, runs[i], Digest(runs[i].Trace));
                folders[i] = Path.Combine(sweep.Output, SweepRunner.FolderName(runs[i], keys[i]));
            }

            resumed[i] = SweepRunner.IsFinished(folders[i], keys[i]);
        }

        RefuseSharedFolders(sweep, runs, folders);

        return new SweepPlan(sweep, runs, keys, folders, resumed);
    }

    /// <summary>
    /// Two runs of one key write one folder at once (exit 3 instead): one trace listed twice under two spellings
    /// (<c>x.csv</c>, <c>./x.csv</c>), or two files of one name and the same content.
    /// </summary>
    private static void RefuseSharedFolders(SweepFile sweep, IReadOnlyList<SweepRun> runs, string[] folders)
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < folders.Length; i++)
        {
            if (!first.TryAdd(folders[i], i))
            {
                var earlier = runs[first[folders[i]]];
                throw new CommandLineFailureException(
                    ExitCodes.BadInput,
                    $"{sweep.Path}: runs {earlier.Describe()} and {runs[i].Describe()} would write one folder, {folders[i]}: the same trace (same name and content) is listed twice; list it once");
            }
        }
    }
}
