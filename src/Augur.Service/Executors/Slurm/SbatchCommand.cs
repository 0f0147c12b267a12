using System.Globalization;
using System.Text;
using Augur.Service.Store;

namespace Augur.Service.Executors.Slurm;

/// <summary>
/// The batch script and the sbatch arguments of a job: pinned to its nodes (<c>--nodelist</c>, <c>--nodes</c>),
/// one task per processor, output into its run folder, never requeued by Slurm itself, named so that it can be
/// found again after an sbatch whose answer was lost, and held: it runs only once Augur has recorded its id and
/// released it, so a copy created by a lost answer never runs (docs/service.md, "executor/slurm").
/// </summary>
public static class SbatchCommand
{
    /// <summary>
    /// Slurm's own limit is a backstop only: Augur cancels a job at its wall time. Slurm's is the wall time plus
    /// the grace period plus a minute, in whole minutes (sbatch's --time unit).
    /// </summary>
    public static long? TimeLimitMinutes(long? wallTimeSeconds, TimeSpan grace) =>
        wallTimeSeconds is { } seconds ? (seconds + (long)Math.Ceiling(grace.TotalSeconds) + 60 + 59) / 60 : null;

    public static IReadOnlyList<string> Arguments(JobRecord job, IReadOnlyList<string> nodeNames, string? partition, string runFolder, string jobName, TimeSpan grace)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(nodeNames);
        var specification = job.Specification;
        var arguments = new List<string>
        {
            "--parsable",
            "--hold",
            $"--job-name={jobName}",
            $"--nodelist={string.Join(',', nodeNames)}",
            $"--nodes={nodeNames.Count.ToString(CultureInfo.InvariantCulture)}",
            $"--ntasks={specification.Processors.ToString(CultureInfo.InvariantCulture)}",
            "--cpus-per-task=1",
            $"--chdir={runFolder}",
            $"--output={Path.Combine(runFolder, "stdout")}",
            $"--error={Path.Combine(runFolder, "stderr")}",
            "--no-requeue",
        };
        if (partition is not null)
        {
            arguments.Add($"--partition={partition}");
        }

        if (TimeLimitMinutes(specification.WallTimeSeconds, grace) is { } minutes)
        {
            arguments.Add($"--time={minutes.ToString(CultureInfo.InvariantCulture)}");
        }

        if (specification.MemoryMegabytes > 0)
        {
            // --mem is per node: the job's memory spread over its nodes, rounded up.
            var perNode = (specification.MemoryMegabytes + nodeNames.Count - 1) / nodeNames.Count;
            arguments.Add($"--mem={perNode.ToString(CultureInfo.InvariantCulture)}");
        }

        if (specification.Gpus > 0)
        {
            // --gpus is the job's total; --gres=gpu:N would be per node (N on each of K nodes).
            arguments.Add($"--gpus={specification.Gpus.ToString(CultureInfo.InvariantCulture)}");
        }

        arguments.Add(Path.Combine(runFolder, ScriptName));
        return arguments;
    }

    public const string ScriptName = "job.sh";

    /// <summary>
    /// The batch script: exec of the program with its arguments, each quoted for /bin/sh (no shell expansion, as
    /// with executor/local), or with <c>shell</c> the command run by /bin/sh -c.
    /// </summary>
    public static string Script(JobRecord job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var specification = job.Specification;
        var text = new StringBuilder("#!/bin/sh\n");
        text.Append("# Written by augur serve (executor/slurm) for job ").Append(job.Id.ToString(CultureInfo.InvariantCulture)).Append('\n');
        text.Append("exec");
        IEnumerable<string> words = specification.Shell ? ["/bin/sh", "-c", specification.Command] : [specification.Command, .. specification.Arguments];
        foreach (var word in words)
        {
            text.Append(' ').Append(Quote(word));
        }

        return text.Append('\n').ToString();
    }

    /// <summary>A word for /bin/sh in single quotes; a single quote inside becomes '\''.</summary>
    public static string Quote(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }
}
