using System.CommandLine;
using System.Text;
using Augur.Traces.Swf;
using Augur.Traces.Synthetic;

namespace Augur.Cli.Commands;

/// <summary><c>augur generate</c>: writes a synthetic Lublin–Feitelson workload as SWF.</summary>
public static class GenerateCommand
{
    public static Command Create(CliContext context)
    {
        var jobs = WholeNumberOption.Create("--jobs", "how many jobs", 10_000, minimum: 1);
        var processors = WholeNumberOption.Create("--procs", "the machine's processors", 256, minimum: 1);
        var seed = WholeNumberOption.Create("--seed", "the random seed", 1, minimum: int.MinValue);
        var output = new Option<string?>("--out") { Description = "the SWF file to write (standard output when absent)" };
        var command = new Command("generate", "Generate a synthetic workload (Lublin and Feitelson, JPDC 2003) and write it as SWF.")
        {
            jobs,
            processors,
            seed,
            output,
        };
        command.SetAction(parsed =>
        {
            var options = new LublinOptions { Jobs = parsed.GetValue(jobs), Processors = parsed.GetValue(processors), Seed = parsed.GetValue(seed) };
            try
            {
                options.Validate();
            }
            catch (ArgumentOutOfRangeException exception)
            {
                throw CommandLineFailureException.Usage(exception);
            }

            var trace = LublinFeitelsonGenerator.Generate(options);
            if (parsed.GetValue(output) is { } path)
            {
                using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
                SwfWriter.Write(writer, trace.Header, trace.Records);
                context.Error.WriteLine($"wrote {trace.Records.Count} jobs to {path}");
            }
            else
            {
                SwfWriter.Write(context.Out, trace.Header, trace.Records);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
