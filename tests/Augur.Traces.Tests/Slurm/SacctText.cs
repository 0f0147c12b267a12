using System.Text;
using Augur.Testing;

namespace Augur.Traces.Tests.Slurm;

/// <summary>sacct -P text for tests: the hand-written example history in docs/, and in-memory files built from lines.</summary>
internal static class SacctText
{
    public const string Header = "JobID|User|Group|Account|Partition|Submit|Start|End|Elapsed|Timelimit|AllocCPUS|ReqCPUS|ReqMem|MaxRSS|NNodes|State|ExitCode";

    /// <summary>A good job line for <see cref="Header"/>: 8 CPUs, 30 minutes, submitted 2023-03-01 08:00:00.</summary>
    public const string Good = "7001|alice|physics|p-astro|batch|2023-03-01T08:00:00|2023-03-01T08:00:05|2023-03-01T08:30:05|00:30:00|01:00:00|8|8|16G||1|COMPLETED|0:0";

    /// <summary>docs/examples/sacct-history.txt: 17 records, 8 finished jobs, 5 steps, 4 jobs that cannot be replayed.</summary>
    public static string ExampleHistory => Path.Combine(RepositoryPaths.Root, "docs", "examples", "sacct-history.txt");

    public static MemoryStream Of(params string[] lines) => new(Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"));

    /// <summary><see cref="Good"/> with column <paramref name="column"/> (0-based, in <see cref="Header"/>) replaced.</summary>
    public static string GoodWith(int column, string value)
    {
        var fields = Good.Split('|');
        fields[column] = value;
        return string.Join('|', fields);
    }
}
