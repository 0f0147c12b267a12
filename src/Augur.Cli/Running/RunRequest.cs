namespace Augur.Cli.Running;

/// <summary>One simulation to run: a loaded trace, a policy (and queue order), and where to write.</summary>
public sealed record RunRequest(LoadedTrace Trace, string PolicyId, string? OrderId, string OutputDirectory, bool Quiet);
