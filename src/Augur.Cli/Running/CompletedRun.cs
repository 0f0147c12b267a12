using Augur.Simulation;
using Augur.Simulation.Metrics;

namespace Augur.Cli.Running;

/// <summary>A finished run: its result, metrics, folder and how long it took.</summary>
public sealed record CompletedRun(RunRequest Request, SimulationResult Result, ScheduleMetrics Metrics, TimeSpan Elapsed);
