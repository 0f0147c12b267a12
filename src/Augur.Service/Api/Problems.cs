using Microsoft.AspNetCore.Http;

namespace Augur.Service.Api;

/// <summary>Errors as RFC 9457 problem+json: a title, the status, a detail a person can act on, and per-field errors for a 400.</summary>
public static class Problems
{
    public static IResult BadRequest(string field, string reason) =>
        Invalid(new Dictionary<string, string[]> { [field] = [reason] });

    public static IResult Invalid(IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var detail = string.Join("; ", errors.SelectMany(pair => pair.Value.Select(reason => $"{pair.Key} {reason}")));
        return Results.ValidationProblem(errors, detail: detail, title: "The request is invalid.");
    }

    public static IResult Status(int status, string title, string detail) =>
        Results.Problem(statusCode: status, title: title, detail: detail);

    public static IResult NotFound(long id) => Status(StatusCodes.Status404NotFound, "No such job.", $"There is no job {id} that you may see.");
}
