using System.Diagnostics;
using Augur.Core.Clusters;
using Augur.Policies;
using Augur.Simulation;
using Augur.Simulation.Engine;
using Augur.Simulation.Metrics;
using Spectre.Console;

namespace Augur.Cli.Running;

/// <summary>Runs one simulation, with a progress bar on stderr when it lasts over a second, and writes its folder.</summary>
public static class SimulationRunner
{
    private static readonly TimeSpan ProgressDelay = TimeSpan.FromSeconds(1);

    public static CompletedRun Run(RunRequest request, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var policy = PolicyCatalogue.Create(request.PolicyId, request.OrderId);
        var cluster = new ClusterSpec(request.Trace.Name, request.Trace.Processors);
        var workload = request.Trace.Workload.Workload;
        var ended = 0;
        var estimator = EstimatorFactory.Create(request, workload);
        var simulator = new Simulator(workload, cluster, policy, estimator) { Progress = count => Volatile.Write(ref ended, count) };
        var stopwatch = Stopwatch.StartNew();
        var task = Task.Run(simulator.Run);
        // Wait on the handle, not the task: a run that fails (an invalid decision) must surface through
        // GetResult below as its own exception, not as an AggregateException from Wait.
        var finished = ((IAsyncResult)task).AsyncWaitHandle;
        if (!finished.WaitOne(ProgressDelay) && !request.Quiet && !Console.IsErrorRedirected)
        {
            context.ErrorConsole.Progress()
                .AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .Start(progress =>
                {
                    var bar = progress.AddTask($"{request.PolicyId} on {request.Trace.Name}", maxValue: workload.Count);
                    while (!finished.WaitOne(TimeSpan.FromMilliseconds(100)))
                    {
                        bar.Value = Volatile.Read(ref ended);
                    }

                    bar.Value = workload.Count;
                });
        }

        SimulationResult result;
        try
        {
            result = task.GetAwaiter().GetResult();
        }
        finally
        {
            // Learned predictors hold native models (XGBoost): free them with the run, even a failed one.
            (estimator?.Predictor as IDisposable)?.Dispose();
        }

        stopwatch.Stop();
        var metrics = ScheduleMetrics.Compute(result);
        var completed = new CompletedRun(request, result, metrics, stopwatch.Elapsed);
        RunFolder.Write(completed);
        return completed;
    }
}
