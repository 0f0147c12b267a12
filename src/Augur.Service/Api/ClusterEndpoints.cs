using Augur.Service.Driver;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Augur.Service.Api;

/// <summary>GET /v1/queue, /v1/cluster and /metrics.</summary>
public static class ClusterEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, LiveScheduler scheduler, SchedulerMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentNullException.ThrowIfNull(scheduler);
        routes.MapGet("/v1/queue", async (HttpContext context) =>
            {
                var caller = BearerAuthentication.CallerOf(context);
                var errors = new Dictionary<string, string[]>();
                var user = QueryParameters.User(context.Request.Query, caller, errors);
                var limit = QueryParameters.Whole(context.Request.Query, "limit", 1, JobEndpoints.LargestPage, JobEndpoints.DefaultPageSize, errors);
                if (errors.Count > 0)
                {
                    return Problems.Invalid(errors);
                }

                var snapshot = await scheduler.QueueAsync((int)limit, caller.IsAdmin ? user : caller.User).ConfigureAwait(false);
                return Results.Ok(new QueueView(
                    WallClock.ToDateTime(snapshot.NowMicroseconds),
                    snapshot.Waiting,
                    [.. snapshot.Entries.Select(entry => new QueueEntryView(
                        entry.Position,
                        entry.Id,
                        entry.User,
                        entry.Name,
                        entry.Processors,
                        double.IsInfinity(entry.PlannedRunSeconds) ? null : entry.PlannedRunSeconds,
                        entry.PredictedStartMicroseconds is { } start ? WallClock.ToDateTime(start) : null))]));
            })
            .WithName("GetQueue")
            .WithSummary("Waiting jobs in scheduling order with predicted start times (a user sees their own, an admin everyone's or one user's; positions are global).")
            .Produces<QueueView>()
            .ProducesValidationProblem();
        routes.MapGet("/v1/cluster", async () =>
            {
                var snapshot = await scheduler.ClusterAsync().ConfigureAwait(false);
                var total = snapshot.Total;
                return Results.Ok(new ClusterView(
                    WallClock.ToDateTime(snapshot.NowMicroseconds),
                    new ResourcesView(total.Processors, total.MemoryMegabytes, total.Gpus),
                    snapshot.BusyProcessors,
                    snapshot.ReservedMemoryMegabytes,
                    snapshot.BusyProcessors / (double)total.Processors,
                    snapshot.RunningJobs,
                    snapshot.WaitingJobs,
                    snapshot.PolicyId,
                    snapshot.PredictorId,
                    snapshot.CorrectorId,
                    scheduler.ExecutorId));
            })
            .WithName("GetCluster")
            .WithSummary("The machine's resources, their use, and the scheduler's policy and predictor.")
            .Produces<ClusterView>();
        routes.MapGet("/metrics", () => Results.Text(MetricsText.Render(metrics, scheduler.Machine), MetricsText.ContentType))
            .WithName("GetMetrics")
            .WithSummary("Prometheus text: queue length, running jobs, utilization, prediction error, scheduling latency histogram.");
    }
}
