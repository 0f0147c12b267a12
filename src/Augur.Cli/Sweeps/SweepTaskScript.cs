using System.Text;

namespace Augur.Cli.Sweeps;

/// <summary>
/// The batch script of a Slurm sweep: it runs this same augur (the apphost next to the running assembly, or
/// <c>dotnet augur.dll</c>) as <c>augur sweep-task SWEEP --plan PLAN --task $SLURM_ARRAY_TASK_ID</c>.
/// </summary>
public static class SweepTaskScript
{
    public static string Of(string sweepFile, string planFile)
    {
        ArgumentNullException.ThrowIfNull(sweepFile);
        ArgumentNullException.ThrowIfNull(planFile);
        var command = new List<string>(AugurCommand()) { "sweep-task", Path.GetFullPath(sweepFile), "--plan", Path.GetFullPath(planFile), "--task" };
        var text = new StringBuilder();
        text.Append("#!/bin/sh\n");
        text.Append("# Written by augur sweep --on slurm: array task N runs line N (from 0) of the plan.\n");
        text.Append("exec ");
        text.Append(string.Join(' ', command.Select(Quote)));
        text.Append(" \"$SLURM_ARRAY_TASK_ID\"\n");
        return text.ToString();
    }

    /// <summary>How to start this augur again: its apphost when there is one, else the .NET host with its assembly.</summary>
    public static IReadOnlyList<string> AugurCommand()
    {
        var assembly = typeof(SweepTaskScript).Assembly.Location;
        var apphost = Path.Combine(Path.GetDirectoryName(assembly) ?? ".", Path.GetFileNameWithoutExtension(assembly));
        if (File.Exists(apphost))
        {
            return [apphost];
        }

        return [Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", assembly];
    }

    /// <summary>Single quotes for sh: nothing inside is expanded; a quote is closed, escaped and reopened.</summary>
    private static string Quote(string argument) => "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
