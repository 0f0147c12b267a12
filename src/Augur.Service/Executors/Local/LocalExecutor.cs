using System.Globalization;
using System.Runtime.InteropServices;
using Augur.Service.Executors;
using Augur.Service.Store;

namespace Augur.Service.Executors.Local;

/// <summary>
/// executor/local: runs each job as a child process of this machine, with its own run folder (stdout, stderr),
/// enforces wall-time limits (SIGTERM to the job's process group, SIGKILL after a grace period), and reports
/// each end with its exit code and peak resident set (VmHWM sampled from /proc every 100 ms). One monitor thread watches every process.
/// </summary>
public sealed unsafe class LocalExecutor : IJobExecutor
{
    private const long SampleEveryMicroseconds = 100_000;

    private readonly string runsDirectory;
    private readonly TimeProvider time;
    private readonly long graceMicroseconds;
    private readonly Lock gate = new();
    private readonly Dictionary<long, TrackedProcess> processes = [];
    private readonly AutoResetEvent wake = new(false);
    private readonly Thread monitor;
    private readonly string[] environment;
    private volatile bool disposed;

    public LocalExecutor(string runsDirectory, TimeProvider time, TimeSpan gracePeriod)
    {
        ArgumentException.ThrowIfNullOrEmpty(runsDirectory);
        ArgumentNullException.ThrowIfNull(time);
        this.runsDirectory = runsDirectory;
        this.time = time;
        graceMicroseconds = (long)gracePeriod.TotalMicroseconds;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(runsDirectory);
        }
        else
        {
            // Only the service's user may read the jobs' output.
            Directory.CreateDirectory(runsDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        environment = [.. System.Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .Select(entry => $"{entry.Key}={entry.Value}")
            .Where(entry => !entry.StartsWith("AUGUR_", StringComparison.Ordinal))];
        monitor = new Thread(Monitor) { IsBackground = true, Name = "augur executor/local" };
        monitor.Start();
    }

    public const string ExecutorId = "executor/local";

    public string Id => ExecutorId;

    /// <summary>Called on the monitor thread when a process ends.</summary>
    public Action<ProcessExit>? Exited { get; set; }

    /// <summary>The run folder of a job (stdout and stderr are in it).</summary>
    public string RunFolder(long jobId) => Path.Combine(runsDirectory, jobId.ToString(CultureInfo.InvariantCulture));

    /// <summary>Starts <paramref name="job"/>; throws <see cref="SpawnFailedException"/> when it cannot.</summary>
    public LaunchedProcess? Launch(JobRecord job, long startMicroseconds)
    {
        ArgumentNullException.ThrowIfNull(job);
        var specification = job.Specification;
        var folder = RunFolder(job.Id);
        Directory.CreateDirectory(folder);
        List<string> argv = specification.Shell
            ? ["/bin/sh", "-c", specification.Command]
            : [specification.Command, .. specification.Arguments];
        var jobEnvironment = new List<string>(environment)
        {
            $"AUGUR_JOB_ID={job.Id.ToString(CultureInfo.InvariantCulture)}",
            $"AUGUR_RUN_DIR={folder}",
        };
        var processId = ProcessSpawner.Spawn(new SpawnRequest(argv[0], argv, jobEnvironment, folder, Path.Combine(folder, "stdout"), Path.Combine(folder, "stderr")));

        // A process that already exited has no /proc stat worth keeping; 0 still identifies it for this run.
        var startTicks = ProcessInspector.StartTicks(processId) ?? 0;
        Track(job, processId, startTicks, isChild: true, startMicroseconds);
        return new LaunchedProcess(processId, startTicks);
    }

    /// <summary>
    /// Watches a job that was running before a restart, if its process is still the same one (same pid, same
    /// start time); returns false if it is gone.
    /// </summary>
    public bool TryAdopt(JobRecord job)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.ProcessId is not { } processId || job.ProcessStartTicks is not { } startTicks || ProcessInspector.StartTicks(processId) != startTicks)
        {
            return false;
        }

        Track(job, processId, startTicks, isChild: false, job.StartMicroseconds ?? Now());
        return true;
    }

    /// <summary>Stops a running job: SIGTERM now, SIGKILL after the grace period; it ends in <paramref name="state"/>.</summary>
    public bool Stop(long jobId, JobState state, string reason)
    {
        TrackedProcess? process;
        lock (gate)
        {
            if (!processes.TryGetValue(jobId, out process) || process.Stopping is not null)
            {
                return process is not null;
            }

            process.Stopping = state;
            process.StopReason = reason;
            process.KillAtMicroseconds = Now() + graceMicroseconds;
        }

        Signal(process.ProcessId, PosixNative.SignalTerminate);
        wake.Set();
        return true;
    }

    public int Running
    {
        get
        {
            lock (gate)
            {
                return processes.Count;
            }
        }
    }

    public void Dispose()
    {
        disposed = true;
        wake.Set();
        monitor.Join();
        wake.Dispose();
    }

    private void Track(JobRecord job, int processId, long startTicks, bool isChild, long startMicroseconds)
    {
        var wall = job.Specification.WallTimeSeconds;
        var process = new TrackedProcess
        {
            JobId = job.Id,
            ProcessId = processId,
            StartTicks = startTicks,
            IsChild = isChild,
            StartMicroseconds = startMicroseconds,
            DeadlineMicroseconds = wall is { } seconds ? startMicroseconds + (seconds * 1_000_000) : long.MaxValue,
        };
        lock (gate)
        {
            processes[job.Id] = process;
        }

        wake.Set();
    }

    private long Now() => (time.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks / 10;

    private static void Signal(int processId, int signal)
    {
        // The job leads its own session and process group: signal the group, so that its children stop too.
        if (PosixNative.kill(-processId, signal) != 0)
        {
            PosixNative.kill(processId, signal);
        }
    }

    private void Monitor()
    {
        var snapshot = new List<TrackedProcess>();
        byte* usage = stackalloc byte[PosixNative.ResourceUsageSize];
        while (!disposed)
        {
            snapshot.Clear();
            lock (gate)
            {
                snapshot.AddRange(processes.Values);
            }

            if (snapshot.Count == 0)
            {
                wake.WaitOne();
                continue;
            }

            foreach (var process in snapshot)
            {
                if (Poll(process, usage) is { } ending)
                {
                    lock (gate)
                    {
                        processes.Remove(process.JobId);
                    }

                    Exited?.Invoke(new ProcessExit(process.JobId, ending));
                }
            }

            // Short jobs end within milliseconds; with many processes, polling each costs more than it saves.
            wake.WaitOne(Math.Clamp(snapshot.Count / 20, 2, 100));
        }
    }

    private JobEnding? Poll(TrackedProcess process, byte* usage)
    {
        var now = Now();
        if (process.IsChild)
        {
            var result = PosixNative.wait4(process.ProcessId, out var status, PosixNative.WaitNoHang, usage);
            if (result == process.ProcessId)
            {
                // Not wait4's ru_maxrss: posix_spawn's child shares the service's memory until exec, and Linux
                // counts that in the child's peak. VmHWM is per address space, so it starts afresh at exec.
                return Ending(process, now, status, process.PeakResidentKilobytes);
            }

            if (result < 0 && Marshal.GetLastPInvokeError() == PosixNative.NoChild)
            {
                return Ending(process, now, status: null, process.PeakResidentKilobytes);
            }
        }
        else if (ProcessInspector.StartTicks(process.ProcessId) != process.StartTicks)
        {
            return Ending(process, now, status: null, process.PeakResidentKilobytes);
        }

        if (now - process.LastSampleMicroseconds >= SampleEveryMicroseconds)
        {
            process.LastSampleMicroseconds = now;
            if (ProcessInspector.PeakResidentKilobytes(process.ProcessId) is { } peak && peak > process.PeakResidentKilobytes)
            {
                process.PeakResidentKilobytes = peak;
            }
        }

        if (now >= process.DeadlineMicroseconds && process.Stopping is null)
        {
            Stop(process.JobId, JobState.Timeout, $"reached its wall-time limit of {(process.DeadlineMicroseconds - process.StartMicroseconds) / 1_000_000} s");
        }
        else if (now >= process.KillAtMicroseconds)
        {
            process.KillAtMicroseconds = long.MaxValue;
            Signal(process.ProcessId, PosixNative.SignalKill);
        }

        return null;
    }

    private static JobEnding Ending(TrackedProcess process, long now, int? status, long peak)
    {
        int? exitCode = null;
        string? reason = null;
        if (status is { } value)
        {
            var signal = value & 0x7f;
            if (signal == 0)
            {
                exitCode = (value >> 8) & 0xff;
            }
            else
            {
                reason = $"killed by signal {signal.ToString(CultureInfo.InvariantCulture)}";
            }
        }
        else
        {
            reason = "its exit status is unknown: it was adopted after a restart, so only its end was seen";
        }

        // An adopted process's status is unknown (only its parent, gone with the old service, could read it): it
        // counts as completed, with no exit code and the reason saying so.
        var state = process.Stopping ?? (status is null || exitCode == 0 ? JobState.Completed : JobState.Failed);
        var why = process.StopReason is null ? reason : reason is null ? process.StopReason : $"{process.StopReason}; {reason}";
        return new JobEnding(state, now, exitCode, peak > 0 ? peak : null, why);
    }
}
