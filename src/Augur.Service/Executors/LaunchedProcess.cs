namespace Augur.Service.Executors;

/// <summary>A started job's process: its pid and start time (clock ticks since boot), which together identify it after a restart.</summary>
public readonly record struct LaunchedProcess(int ProcessId, long StartTicks);
