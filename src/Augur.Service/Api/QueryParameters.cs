using System.Globalization;
using Augur.Service.Security;
using Microsoft.AspNetCore.Http;

namespace Augur.Service.Api;

/// <summary>Query parameters shared by the endpoints; each bad one adds a reason to the 400's errors.</summary>
internal static class QueryParameters
{
    /// <summary>A whole number from <paramref name="minimum"/> to <paramref name="maximum"/>; <paramref name="fallback"/> when absent or empty.</summary>
    public static long Whole(IQueryCollection query, string name, long minimum, long maximum, long fallback, Dictionary<string, string[]> errors)
    {
        if (!query.TryGetValue(name, out var text) || text.ToString().Length == 0)
        {
            return fallback;
        }

        if (long.TryParse(text.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= minimum && value <= maximum)
        {
            return value;
        }

        errors[name] = [$"must be a whole number from {minimum} to {maximum}, not '{text}'"];
        return fallback;
    }

    /// <summary>The <c>user</c> filter: any user for an admin, only their own for anyone else; null when absent.</summary>
    public static string? User(IQueryCollection query, Caller caller, Dictionary<string, string[]> errors)
    {
        var user = query.TryGetValue("user", out var text) && text.ToString().Length > 0 ? text.ToString() : null;
        if (user is not null && !caller.MayAccess(user))
        {
            errors["user"] = [$"must be your own user ('{caller.User}'): only an admin lists others' jobs"];
        }

        return user;
    }
}
