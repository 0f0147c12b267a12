using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Augur.Cli.Sweeps;

/// <summary>
/// Runs a sweep as one Slurm job array (docs/sweep.md): the runs still to do are written to a plan file, one
/// line each; task T of the array runs <c>augur sweep-task SWEEP --plan PLAN --task T</c>, which executes line T
/// exactly as a local sweep executes a run (<see cref="SweepRunner.RunOne(SweepPlan, int, CliContext)"/>). The
/// command waits for the array to leave the queue, then gathers the folders with the local sweep's code
/// (<see cref="SweepRunner.Gather"/>). A run whose folder holds no finished result is a failure, reported with
/// its task's stderr file.
/// </summary>
public static class SlurmSweepRunner
{
    /// <summary>Under the sweep's output folder: the plan, the batch script and every task's stdout and stderr.</summary>
    public const string FolderName = "slurm";

    private static readonly HashSet<string> EndedStates = new(StringComparer.Ordinal)
    {
        "COMPLETED", "FAILED", "CANCELLED", "TIMEOUT", "NODE_FAIL", "OUT_OF_MEMORY", "BOOT_FAIL", "DEADLINE", "PREEMPTED",
    };

    public static SweepOutcome Run(SweepFile sweep, CliContext context, SlurmSweepOptions options, bool quiet)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        var plan = SweepPlan.Of(sweep);
        var failures = new Dictionary<int, string>();
        if (plan.Pending.Count == 0)
        {
            return SweepRunner.Gather(plan, failures);
        }

        var folder = Path.GetFullPath(Path.Combine(sweep.Output, FolderName));
        Directory.CreateDirectory(folder);
        var name = PlanName(plan);
        var planFile = Path.Combine(folder, $"plan-{name}.txt");
        File.WriteAllLines(planFile, plan.Pending.Select(i => $"{i.ToString(CultureInfo.InvariantCulture)} {plan.Keys[i]}"));
        var script = Path.Combine(folder, $"sweep-{name}.sbatch");
        File.WriteAllText(script, SweepTaskScript.Of(sweep.Path, planFile));
        var jobId = Submit(script, folder, plan.Pending.Count, options);
        if (!quiet)
        {
            context.Error.WriteLine($"submitted Slurm job array {jobId}: {plan.Pending.Count} task{(plan.Pending.Count == 1 ? string.Empty : "s")}, one per run; logs in {folder}");
        }

        WaitFor(jobId, options);
        for (var task = 0; task < plan.Pending.Count; task++)
        {
            var index = plan.Pending[task];
            if (!SweepRunner.IsFinished(plan.Folders[index], plan.Keys[index]))
            {
                failures[index] = Failure(folder, jobId, task);
            }
        }

        return SweepRunner.Gather(plan, failures);
    }

    /// <summary>The stderr file of task <paramref name="task"/> of array <paramref name="jobId"/>.</summary>
    public static string ErrorFile(string folder, string jobId, int task) =>
        Path.Combine(folder, $"task-{jobId}_{task.ToString(CultureInfo.InvariantCulture)}.err");

    private static string Submit(string script, string folder, int tasks, SlurmSweepOptions options)
    {
        List<string> arguments =
        [
            "--parsable",
            $"--array=0-{(tasks - 1).ToString(CultureInfo.InvariantCulture)}",
            "--job-name=augur-sweep",
            $"--chdir={Environment.CurrentDirectory}",
            $"--output={Path.Combine(folder, "task-%A_%a.out")}",
            $"--error={Path.Combine(folder, "task-%A_%a.err")}",
        ];
        if (options.Partition is not null)
        {
            arguments.Add($"--partition={options.Partition}");
        }

        arguments.Add(script);
        var call = SlurmClient.Run("sbatch", arguments, options.CallLimit);
        if (call.ExitCode != 0)
        {
            throw new CommandLineFailureException($"cannot submit the sweep: {call.Describe()}");
        }

        // --parsable prints "JOBID" or "JOBID;CLUSTER".
        var jobId = call.Output.Trim().Split(';')[0];
        if (jobId.Length == 0 || !jobId.All(char.IsAsciiDigit))
        {
            throw new CommandLineFailureException($"cannot submit the sweep: sbatch printed '{call.Output.Trim()}', not a job id");
        }

        return jobId;
    }

    /// <summary>Polls squeue until no task of the array is pending, running or completing.</summary>
    private static void WaitFor(string jobId, SlurmSweepOptions options)
    {
        var unanswered = 0;
        while (true)
        {
            var call = SlurmClient.Run("squeue", ["--noheader", $"--jobs={jobId}", "--format=%i %T"], options.CallLimit);
            if (call.ExitCode == 0)
            {
                unanswered = 0;
                if (AllEnded(call.Output))
                {
                    return;
                }
            }
            else if (call.Error.Contains("Invalid job id", StringComparison.OrdinalIgnoreCase))
            {
                // Ended so long ago that the controller forgot it.
                return;
            }
            else if (++unanswered >= options.MaxUnansweredPolls)
            {
                throw new CommandLineFailureException($"gave up waiting for Slurm job {jobId} after {unanswered} failed polls: {call.Describe()}; its tasks may still run, and running the same sweep again later gathers what they finished");
            }

            Thread.Sleep(options.PollInterval);
        }
    }

    private static bool AllEnded(string queue)
    {
        foreach (var line in queue.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var state = line[(line.IndexOf(' ', StringComparison.Ordinal) + 1)..];
            if (!EndedStates.Contains(state))
            {
                return false;
            }
        }

        return true;
    }

    private static string Failure(string folder, string jobId, int task)
    {
        var errors = ErrorFile(folder, jobId, task);
        var last = File.Exists(errors)
            ? File.ReadLines(errors).LastOrDefault(line => !string.IsNullOrWhiteSpace(line))
            : null;
        return last is null
            ? $"Slurm task {jobId}_{task} left no finished run and no message (stderr: {errors})"
            : $"Slurm task {jobId}_{task}: {last.Trim()} (stderr: {errors})";
    }

    /// <summary>The plan's name: a digest of its runs' keys, so that two different plans never share files.</summary>
    private static string PlanName(SweepPlan plan)
    {
        var keys = string.Join('\n', plan.Pending.Select(i => plan.Keys[i]));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(keys)))[..12];
    }
}
