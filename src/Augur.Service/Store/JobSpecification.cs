namespace Augur.Service.Store;

/// <summary>What a user asked to run, validated (Api/SubmitJobBody turns a request body into this).</summary>
/// <param name="Name">A label for people.</param>
/// <param name="Command">The program (looked up on PATH), or with <paramref name="Shell"/> a /bin/sh script.</param>
/// <param name="Arguments">The program's arguments, passed as they are (no shell).</param>
/// <param name="Shell">Run <paramref name="Command"/> with /bin/sh -c.</param>
/// <param name="Processors">Processors the job holds while it runs.</param>
/// <param name="MemoryMegabytes">Memory the job asks for, in MiB (checked against the machine's at submission).</param>
/// <param name="Gpus">GPUs the job asks for.</param>
/// <param name="WallTimeSeconds">The wall-time limit; null for none.</param>
/// <param name="User">The job's owner (the token's user).</param>
/// <param name="Tags">Free labels.</param>
/// <param name="Requeue">Whether a job lost in a crash may run again.</param>
public sealed record JobSpecification(
    string Name,
    string Command,
    IReadOnlyList<string> Arguments,
    bool Shell,
    int Processors,
    long MemoryMegabytes,
    int Gpus,
    long? WallTimeSeconds,
    string User,
    IReadOnlyList<string> Tags,
    bool Requeue);
