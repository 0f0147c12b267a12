using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Augur.Service.Driver;
using Augur.Service.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Augur.Service.Api;

/// <summary>The /v1/jobs endpoints: submit, list, show, cancel.</summary>
public static class JobEndpoints
{
    public const int DefaultPageSize = 100;
    public const int LargestPage = 1000;

    public static void Map(IEndpointRouteBuilder routes, JobStore store, LiveScheduler scheduler, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapPost("/v1/jobs", (Func<HttpContext, Task<IResult>>)(context => SubmitAsync(context, store, scheduler, time)))
            .WithName("SubmitJob")
            .WithSummary("Submit a job; acknowledged (201) once it is durable. An Idempotency-Key header makes retries safe.")
            .Accepts<SubmitJobDocument>("application/json")
            .Produces<JobView>(StatusCodes.Status201Created)
            .Produces<JobView>(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        routes.MapGet("/v1/jobs", (HttpContext context) => List(context, store))
            .WithName("ListJobs")
            .WithSummary("List jobs, oldest first, filtered by state and user, in pages (after, limit).")
            .Produces<JobListView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        routes.MapGet("/v1/jobs/{id}", (HttpContext context, string id) => Show(context, store, id))
            .WithName("GetJob")
            .WithSummary("One job.")
            .Produces<JobView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        routes.MapPost("/v1/jobs/{id}/cancel", (HttpContext context, string id) => CancelAsync(context, store, scheduler, id))
            .WithName("CancelJob")
            .WithSummary("Cancel a job: a queued job at once (200), a running one by SIGTERM then SIGKILL (202).")
            .Produces<JobView>()
            .Produces<JobView>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> SubmitAsync(HttpContext context, JobStore store, LiveScheduler scheduler, TimeProvider time)
    {
        var caller = BearerAuthentication.CallerOf(context);
        var key = context.Request.Headers["Idempotency-Key"].ToString();
        if (key.Length > 200 || key.Any(c => c < ' ' || c > '~'))
        {
            return Problems.BadRequest("Idempotency-Key", "must be at most 200 printable ASCII characters");
        }

        byte[] body;
        try
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
            body = buffer.ToArray();
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Problems.Status(StatusCodes.Status413PayloadTooLarge, "The request body is too large.", exception.Message);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException exception)
        {
            return Problems.BadRequest("body", $"is not valid JSON: {exception.Message}");
        }

        using (document)
        {
            var parser = new SubmissionParser(scheduler.Machine);
            if (parser.Parse(document.RootElement, caller) is not { } specification)
            {
                return Problems.Invalid(parser.Errors);
            }

            // A retry with the same key and the same body gets the same job; with another body, a conflict.
            var hash = Convert.ToHexStringLower(SHA256.HashData([.. Encoding.UTF8.GetBytes(specification.User + "\n"), .. body]));
            var result = await store.SubmitAsync(specification, key.Length == 0 ? null : key, hash, WallClock.Now(time).Microseconds).ConfigureAwait(false);
            if (result.Conflict)
            {
                return Problems.Status(StatusCodes.Status409Conflict, "Idempotency key reused.", $"Idempotency-Key '{key}' was used for job {result.Job.Id} with a different request.");
            }

            var view = JobView.From(result.Job);
            return result.Created ? Results.Created($"/v1/jobs/{result.Job.Id}", view) : Results.Ok(view);
        }
    }

    private static IResult List(HttpContext context, JobStore store)
    {
        var caller = BearerAuthentication.CallerOf(context);
        var query = context.Request.Query;
        var errors = new Dictionary<string, string[]>();
        JobState? state = null;
        if (query.TryGetValue("state", out var stateText) && stateText.ToString().Length > 0)
        {
            if (JobStates.TryParse(stateText.ToString(), out var parsed))
            {
                state = parsed;
            }
            else
            {
                errors["state"] = [$"must be one of {string.Join(", ", JobStates.All)}, not '{stateText}'"];
            }
        }

        var user = QueryParameters.User(query, caller, errors);
        var after = QueryParameters.Whole(query, "after", 0, long.MaxValue, 0, errors);
        var limit = QueryParameters.Whole(query, "limit", 1, LargestPage, DefaultPageSize, errors);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var page = store.List(state, caller.IsAdmin ? user : caller.User, after, (int)limit);
        return Results.Ok(new JobListView([.. page.Jobs.Select(JobView.From)], page.NextAfter));
    }

    private static IResult Show(HttpContext context, JobStore store, string idText)
    {
        if (!TryParseId(idText, out var id))
        {
            return Problems.BadRequest("id", $"must be a job id (a whole number from 1), not '{idText}'");
        }

        var job = store.Find(id);
        return job is not null && BearerAuthentication.CallerOf(context).MayAccess(job.Specification.User)
            ? Results.Ok(JobView.From(job))
            : Problems.NotFound(id);
    }

    private static async Task<IResult> CancelAsync(HttpContext context, JobStore store, LiveScheduler scheduler, string idText)
    {
        if (!TryParseId(idText, out var id))
        {
            return Problems.BadRequest("id", $"must be a job id (a whole number from 1), not '{idText}'");
        }

        var caller = BearerAuthentication.CallerOf(context);
        var job = store.Find(id);

        // Another user's job is reported as missing: its existence is not theirs to know.
        if (job is null || !caller.MayAccess(job.Specification.User))
        {
            return Problems.NotFound(id);
        }

        var outcome = await scheduler.CancelAsync(id, caller.User).ConfigureAwait(false);
        var now = store.Find(id)!;
        return outcome switch
        {
            CancelOutcome.Cancelled => Results.Ok(JobView.From(now)),
            CancelOutcome.Stopping => Results.Json(JobView.From(now), statusCode: StatusCodes.Status202Accepted),
            CancelOutcome.AlreadyEnded => Problems.Status(StatusCodes.Status409Conflict, "The job has already ended.", $"Job {id} is {JobStates.Name(now.State)}."),
            _ => Problems.NotFound(id),
        };
    }

    private static bool TryParseId(string text, out long id) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0;
}
