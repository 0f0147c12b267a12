namespace Augur.Service.Executors.Local;

/// <summary>What to start: the program (found on PATH), its whole argv, environment, folder and output files.</summary>
internal sealed record SpawnRequest(
    string Program,
    IReadOnlyList<string> Arguments,
    IReadOnlyList<string> Environment,
    string WorkingDirectory,
    string StandardOutput,
    string StandardError);
