namespace Augur.Service.Api;

/// <summary>GET /v1/users: who asks (<see cref="Caller"/>, <see cref="Admin"/>) and the users they may see, in name order.</summary>
public sealed record UsersView(string Caller, bool Admin, int TotalUsers, IReadOnlyList<UserLoadView> Users);
