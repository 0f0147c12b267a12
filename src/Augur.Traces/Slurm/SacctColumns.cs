namespace Augur.Traces.Slurm;

/// <summary>
/// The sacct columns the converter reads, found by their header name (in any order, case ignored).
/// docs/formats/sacct.md gives the command that writes them.
/// </summary>
public static class SacctColumns
{
    public const string JobId = "JobID";
    public const string User = "User";
    public const string Group = "Group";
    public const string Account = "Account";
    public const string Partition = "Partition";
    public const string Submit = "Submit";
    public const string Start = "Start";
    public const string Elapsed = "Elapsed";
    public const string Timelimit = "Timelimit";
    public const string AllocCpus = "AllocCPUS";
    public const string ReqCpus = "ReqCPUS";
    public const string ReqMem = "ReqMem";
    public const string MaxRss = "MaxRSS";
    public const string State = "State";
    public const string NNodes = "NNodes";

    /// <summary>The sacct command whose output the converter is written for.</summary>
    public const string Command = "sacct -a -P --format=JobID,User,Group,Account,Partition,Submit,Start,End,Elapsed,Timelimit,AllocCPUS,ReqCPUS,ReqMem,MaxRSS,NNodes,State,ExitCode";

    /// <summary>Without these a job cannot be replayed: its identity, its times, its size and how it ended.</summary>
    public static IReadOnlyList<string> Required { get; } = [JobId, Submit, Start, Elapsed, Timelimit, AllocCpus, State];

    /// <summary>Read when present; an absent column leaves its SWF field unknown (-1).</summary>
    public static IReadOnlyList<string> Optional { get; } = [User, Group, Account, Partition, ReqCpus, ReqMem, MaxRss, NNodes];
}
