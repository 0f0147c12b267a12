using System.CommandLine;
using Augur.Cli.Running;

namespace Augur.Cli.Commands;

/// <summary>The options that choose and shape a trace, shared by the commands that read one.</summary>
public sealed class TraceOptions
{
    public Argument<string?> Trace { get; } = new("trace")
    {
        Description = "an SWF file (.swf or .swf.gz), or synthetic:lublin",
        Arity = ArgumentArity.ZeroOrOne,
    };

    /// <summary>The same as the argument, for scripts that name every input (<c>--trace synthetic:lublin</c>).</summary>
    public Option<string?> TraceOption { get; } = new("--trace")
    {
        Description = "the trace, as an option instead of the argument",
    };

    public Option<int?> Processors { get; } = WholeNumberOption.CreateOptional(
        "--procs", "the machine's processors (default: the trace header's MaxProcs; 256 for synthetic traces)", minimum: 1);

    public Option<string> Filter { get; } = new("--filter")
    {
        Description = "which records become jobs: default (every job that can run) or sc15 (Gaussier et al., SC'15)",
        DefaultValueFactory = _ => "default",
    };

    public Option<bool> Lenient { get; } = new("--lenient")
    {
        Description = "skip bad records and count them by reason instead of stopping at the first",
    };

    public Option<int> Jobs { get; } = WholeNumberOption.Create("--jobs", "synthetic traces: how many jobs", 10_000, minimum: 1);

    public Option<int> Seed { get; } = WholeNumberOption.Create("--seed", "synthetic traces: the random seed", 1, minimum: int.MinValue);

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Add(Trace);
        command.Add(TraceOption);
        command.Add(Processors);
        command.Add(Filter);
        command.Add(Lenient);
        command.Add(Jobs);
        command.Add(Seed);
    }

    public TraceSelection Read(ParseResult parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        var processors = parsed.GetValue(Processors);
        if (processors is <= 0)
        {
            throw new CommandLineFailureException(ExitCodes.Usage, $"--procs must be positive, not {processors}");
        }

        var argument = parsed.GetValue(Trace);
        var option = parsed.GetValue(TraceOption);
        if (argument is not null && option is not null && argument != option)
        {
            throw new CommandLineFailureException(ExitCodes.Usage, $"two traces given: '{argument}' and --trace '{option}'");
        }

        return new TraceSelection
        {
            Trace = argument ?? option ?? throw new CommandLineFailureException(ExitCodes.Usage, "no trace: give a file or synthetic:lublin, as an argument or with --trace"),
            Processors = processors,
            Filter = parsed.GetRequiredValue(Filter),
            Lenient = parsed.GetValue(Lenient),
            Jobs = parsed.GetValue(Jobs),
            Seed = parsed.GetValue(Seed),
        };
    }
}
