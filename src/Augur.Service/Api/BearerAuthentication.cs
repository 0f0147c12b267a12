using Augur.Service.Dashboard;
using Augur.Service.Security;
using Microsoft.AspNetCore.Http;

namespace Augur.Service.Api;

/// <summary>
/// Requires a valid bearer token on every path but /healthz and the dashboard's page and files (which hold no
/// data), and puts its <see cref="Caller"/> on the request.
/// A missing or wrong token is a 401 problem+json with a WWW-Authenticate challenge.
/// </summary>
public sealed class BearerAuthentication(RequestDelegate next, TokenStore tokens)
{
    private const string CallerKey = "augur.caller";

    public static Caller CallerOf(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return (Caller)context.Items[CallerKey]!;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Request.Path.Equals("/healthz", StringComparison.Ordinal) || DashboardEndpoints.IsPublic(context.Request))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var header = context.Request.Headers.Authorization.ToString();
        string? problem = null;
        if (header.Length == 0)
        {
            problem = "This endpoint needs a bearer token: send 'Authorization: Bearer TOKEN' (create one with 'augur token create --user NAME').";
        }
        else if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            problem = "The Authorization header must be 'Bearer TOKEN'.";
        }
        else if (tokens.Verify(header["Bearer ".Length..].Trim()) is { } caller)
        {
            context.Items[CallerKey] = caller;
            await next(context).ConfigureAwait(false);
            return;
        }
        else
        {
            problem = "The bearer token is not valid.";
        }

        context.Response.Headers.WWWAuthenticate = "Bearer realm=\"augur\"";
        await Problems.Status(StatusCodes.Status401Unauthorized, "Unauthorized.", problem).ExecuteAsync(context).ConfigureAwait(false);
    }
}
