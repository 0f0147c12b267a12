using System.CommandLine;
using System.Globalization;
using Augur.Cli.Sweeps;

namespace Augur.Cli.Commands;

/// <summary>
/// <c>augur sweep-task SWEEP --plan PLAN --task N</c> (hidden): what each task of a Slurm sweep runs. Line N of
/// the plan names a run of the sweep and its key; the run is executed into its folder exactly as a local sweep
/// does it. A key that no longer matches (the sweep file or a trace changed since submission) is exit 3.
/// </summary>
public static class SweepTaskCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("sweep") { Description = "the sweep file" };
        var planOption = new Option<string>("--plan") { Description = "the plan written by augur sweep --on slurm", Required = true };
        var task = WholeNumberOption.Create("--task", "the array task: the plan's line, from 0", 0, minimum: 0);
        var command = new Command("sweep-task", "Run one run of a Slurm sweep (used by the job array of augur sweep --on slurm).")
        {
            file,
            planOption,
            task,
        };
        command.Hidden = true;
        command.SetAction(parsed =>
        {
            var sweep = SweepCommand.ReadSweep(parsed.GetRequiredValue(file));

            var planFile = parsed.GetRequiredValue(planOption);
            var (index, key) = ReadPlanLine(planFile, parsed.GetValue(task));
            var plan = SweepPlan.Of(sweep);
            if (index >= plan.Runs.Count || plan.Keys[index] != key)
            {
                throw new CommandLineFailureException(ExitCodes.BadInput, $"{planFile}:{parsed.GetValue(task) + 1}: run {index} of {sweep.Path} is not the run planned (the sweep file or a trace changed since the sweep was submitted)");
            }

            if (!plan.Resumed[index])
            {
                SweepRunner.RunOne(plan, index, context);
            }

            context.Out.WriteLine($"finished {plan.Runs[index].Describe()} in {plan.Folders[index]}");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Line <paramref name="task"/> (from 0) of the plan: a run's index and key.</summary>
    private static (int Index, string Key) ReadPlanLine(string planFile, int task)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(planFile);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CommandLineFailureException(ExitCodes.BadInput, $"{planFile}: cannot read the plan: {exception.Message}");
        }

        if (task >= lines.Length)
        {
            throw new CommandLineFailureException(ExitCodes.BadInput, $"{planFile}: no task {task}: the plan has {lines.Length} lines");
        }

        var parts = lines[task].Split(' ');
        if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index) || parts[1].Length != 64)
        {
            throw new CommandLineFailureException(ExitCodes.BadInput, $"{planFile}:{task + 1}: expected 'INDEX KEY', found '{lines[task]}'");
        }

        return (index, parts[1]);
    }
}
