using Augur.Service.Driver;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Augur.Service.Api;

/// <summary>
/// GET /v1/utilization, /v1/finished and /v1/users: what the dashboard draws beside the queue. Each reads a
/// bounded structure that the scheduler's loop keeps up to date in constant time, under a short lock, without
/// a message to the loop: polling them costs the scheduler nothing.
/// </summary>
public static class HistoryEndpoints
{
    public const int DefaultUtilizationSeconds = 600;

    public static void Map(IEndpointRouteBuilder routes, LiveScheduler scheduler, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentNullException.ThrowIfNull(time);
        var history = scheduler.History;
        var largestWindow = history.Capacity * history.ResolutionMicroseconds / 1_000_000;
        routes.MapGet("/v1/utilization", (HttpContext context) =>
            {
                var errors = new Dictionary<string, string[]>();
                var seconds = QueryParameters.Whole(context.Request.Query, "seconds", 1, largestWindow, Math.Min(DefaultUtilizationSeconds, largestWindow), errors);
                if (errors.Count > 0)
                {
                    return Problems.Invalid(errors);
                }

                var now = WallClock.Now(time).Microseconds;
                var buckets = (int)Math.Ceiling(seconds * 1_000_000.0 / history.ResolutionMicroseconds);
                var window = history.Read(now, buckets);
                return Results.Ok(new UtilizationView(
                    WallClock.ToDateTime(now),
                    window.BusyProcessors.Count == 0 ? null : WallClock.ToDateTime(window.StartMicroseconds),
                    window.ResolutionMicroseconds / 1e6,
                    scheduler.Machine.Processors,
                    window.BusyProcessors,
                    window.RunningJobs,
                    window.WaitingJobs));
            })
            .WithName("GetUtilization")
            .WithSummary("The machine's use over the latest seconds (at most an hour), in one-second buckets: mean busy processors, most running and waiting jobs.")
            .Produces<UtilizationView>()
            .ProducesValidationProblem();
        routes.MapGet("/v1/finished", (HttpContext context) =>
            {
                var caller = BearerAuthentication.CallerOf(context);
                var errors = new Dictionary<string, string[]>();
                var user = QueryParameters.User(context.Request.Query, caller, errors);
                var limit = QueryParameters.Whole(context.Request.Query, "limit", 1, scheduler.Finished.Capacity, JobEndpoints.DefaultPageSize, errors);
                if (errors.Count > 0)
                {
                    return Problems.Invalid(errors);
                }

                var jobs = scheduler.Finished.Latest((int)limit, caller.IsAdmin ? user : caller.User);
                return Results.Ok(new FinishedListView([.. jobs.Select(FinishedJobView.From)]));
            })
            .WithName("ListFinishedJobs")
            .WithSummary("The latest jobs to end since the service started (at most 1,000 kept), newest first, with planned and actual run times.")
            .Produces<FinishedListView>()
            .ProducesValidationProblem();
        routes.MapGet("/v1/users", (HttpContext context) =>
            {
                var caller = BearerAuthentication.CallerOf(context);
                var errors = new Dictionary<string, string[]>();
                var limit = QueryParameters.Whole(context.Request.Query, "limit", 1, JobEndpoints.LargestPage, JobEndpoints.DefaultPageSize, errors);
                if (errors.Count > 0)
                {
                    return Problems.Invalid(errors);
                }

                var (users, total) = scheduler.Users.Read((int)limit, caller.IsAdmin ? null : caller.User);
                return Results.Ok(new UsersView(
                    caller.User,
                    caller.IsAdmin,
                    total,
                    [.. users.Select(load => new UserLoadView(load.User, load.QueuedJobs, load.QueuedProcessors, load.RunningJobs, load.BusyProcessors, load.FinishedJobs))]));
            })
            .WithName("ListUsers")
            .WithSummary("Who asks, and per user (an admin sees all, others themselves) the queued and running jobs and processors now.")
            .Produces<UsersView>()
            .ProducesValidationProblem();
    }
}
