namespace Augur.Service.Security;

/// <summary>Who made a request: the user a token was created for, and whether that token is an admin's.</summary>
public sealed record Caller(string User, bool IsAdmin)
{
    /// <summary>A user sees and cancels their own jobs; an admin, everyone's.</summary>
    public bool MayAccess(string owner) => IsAdmin || string.Equals(User, owner, StringComparison.Ordinal);
}
