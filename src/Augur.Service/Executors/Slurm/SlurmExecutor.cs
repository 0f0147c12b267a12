using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Augur.Service.Store;

namespace Augur.Service.Executors.Slurm;

/// <summary>
/// executor/slurm: each job the policy starts is submitted to Slurm with sbatch, pinned to nodes chosen from
/// Augur's model of the partition, and followed with squeue (and scontrol, and the jobcomp log) to its end.
/// Every Slurm call runs on the executor's own thread, so the scheduler never waits for slurmctld; while
/// slurmctld does not answer, calls are retried with a doubling wait, and an sbatch whose answer was lost is
/// looked up by the job's unique name before it is submitted again (docs/service.md, "executor/slurm").
/// </summary>
public sealed partial class SlurmExecutor : IJobExecutor
{
    public const string ExecutorId = "executor/slurm";

    private readonly SlurmSettings settings;
    private readonly JobStore store;
    private readonly string runsDirectory;
    private readonly TimeSpan grace;
    private readonly TimeProvider time;
    private readonly TextWriter log;
    private readonly string namePrefix;
    private readonly Lock gate = new();
    private readonly Dictionary<long, SlurmTrackedJob> jobs = [];
    private readonly int[] freeCpus;
    private readonly AutoResetEvent wake = new(false);
    private readonly Thread monitor;
    private volatile bool disposed;

    public SlurmExecutor(SlurmSettings settings, JobStore store, string dataDirectory, TimeSpan gracePeriod, TimeProvider time, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrEmpty(dataDirectory);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(log);
        this.settings = settings;
        this.store = store;
        this.time = time;
        this.log = log;
        grace = gracePeriod;
        runsDirectory = Path.Combine(dataDirectory, "runs");
        namePrefix = NamePrefix(dataDirectory);
        freeCpus = [.. settings.Cluster.Nodes.Select(node => node.Cpus)];
        CreatePrivateDirectory(runsDirectory);
        monitor = new Thread(Monitor) { IsBackground = true, Name = "augur executor/slurm" };
        monitor.Start();
    }

    public string Id => ExecutorId;

    public Action<ProcessExit>? Exited { get; set; }

    /// <summary>
    /// The Slurm job name of an Augur job: <c>augur-HASH-ID</c>, HASH from the data folder's full path, so that
    /// two services sharing a Slurm never take each other's jobs for their own.
    /// </summary>
    public string JobName(long jobId) => $"{namePrefix}{jobId.ToString(CultureInfo.InvariantCulture)}";

    public static string NamePrefix(string dataDirectory)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(dataDirectory)));
        return $"augur-{Convert.ToHexStringLower(hash.AsSpan(0, 4))}-";
    }

    public string RunFolder(long jobId) => Path.Combine(runsDirectory, jobId.ToString(CultureInfo.InvariantCulture));

    /// <summary>Chooses its nodes and writes its batch script; sbatch runs on the executor's thread, which records the Slurm id.</summary>
    public LaunchedProcess? Launch(JobRecord job, long startMicroseconds)
    {
        ArgumentNullException.ThrowIfNull(job);
        var folder = RunFolder(job.Id);
        CreatePrivateDirectory(folder);
        var script = Path.Combine(folder, SbatchCommand.ScriptName);
        File.WriteAllText(script, SbatchCommand.Script(job));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        Track(job, slurmJobId: null, recovered: false);
        return null;
    }

    /// <summary>
    /// Follows a job that was running before a restart: by its recorded Slurm id, or, if the service stopped
    /// before sbatch answered, by looking up its name first. Always true: whether it is gone, Slurm tells later.
    /// </summary>
    public bool TryAdopt(JobRecord job)
    {
        ArgumentNullException.ThrowIfNull(job);
        Track(job, job.SlurmJobId, recovered: job.SlurmJobId is null, adopted: true);
        return true;
    }

    public bool Stop(long jobId, JobState state, string reason)
    {
        lock (gate)
        {
            if (!jobs.TryGetValue(jobId, out var job))
            {
                return false;
            }

            if (job.Stopping is null)
            {
                job.Stopping = state;
                job.StopReason = reason;
                job.CancelSent = false;
            }
        }

        wake.Set();
        return true;
    }

    public int Running
    {
        get
        {
            lock (gate)
            {
                return jobs.Count;
            }
        }
    }

    public void Dispose()
    {
        // Jobs keep running in Slurm: the next start re-adopts them by their recorded ids.
        disposed = true;
        wake.Set();
        monitor.Join();
        wake.Dispose();
    }

    private void Track(JobRecord job, long? slurmJobId, bool recovered, bool adopted = false)
    {
        lock (gate)
        {
            var shares = NodePacker.Pack(freeCpus, job.Specification.Processors);
            if (shares is null && !adopted)
            {
                throw new LaunchFailedException($"the nodes of partition {settings.Cluster.Partition} have fewer free CPUs than the {job.Specification.Processors} job {job.Id} needs");
            }

            // An adopted job already holds its CPUs in Slurm, whatever Augur's model says now (a node drained
            // since, or more CPUs in use than the model has): it is over-booked rather than refused, so that a
            // restart never fails on it; the model's free CPUs go below zero until it ends.
            shares ??= OverBook(job);
            foreach (var share in shares)
            {
                freeCpus[share.Node] -= share.Cpus;
            }

            jobs[job.Id] = new SlurmTrackedJob(job, shares)
            {
                SlurmJobId = slurmJobId,
                NeedsLookup = recovered,
                Recovered = recovered,
            };
        }

        wake.Set();
    }

    /// <summary>Shares for an adopted job that does not fit the model's free CPUs: packed on the nodes' full sizes.</summary>
    private IReadOnlyList<NodeShare> OverBook(JobRecord job)
    {
        var capacities = settings.Cluster.Nodes.Select(node => node.Cpus).ToArray();
        var shares = NodePacker.Pack(capacities, Math.Min(job.Specification.Processors, capacities.Sum()))
            ?? [];
        log.WriteLine($"augur serve: executor/slurm: adopted job {job.Id} ({job.Specification.Processors} CPUs) does not fit the free CPUs of partition {settings.Cluster.Partition} any more; booked over its nodes' free CPUs until it ends");
        return shares;
    }

    /// <summary>Forgets a job that ended and tells the scheduler.</summary>
    private void End(SlurmTrackedJob job, JobEnding ending)
    {
        lock (gate)
        {
            if (!jobs.Remove(job.Record.Id))
            {
                return;
            }

            foreach (var share in job.Shares)
            {
                freeCpus[share.Node] += share.Cpus;
            }
        }

        Exited?.Invoke(new ProcessExit(job.Record.Id, ending));
    }

    private long Now() => (time.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks / 10;

    private static void CreatePrivateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
