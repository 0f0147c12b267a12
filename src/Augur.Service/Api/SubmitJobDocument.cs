namespace Augur.Service.Api;

/// <summary>
/// The shape of a POST /v1/jobs body, for the OpenAPI document only: <see cref="SubmissionParser"/> reads the
/// body itself, to name each bad field.
/// </summary>
public sealed record SubmitJobDocument(
    string Command,
    string? Name,
    IReadOnlyList<string>? Arguments,
    bool? Shell,
    ResourcesView? Resources,
    long? WallTimeSeconds,
    string? User,
    IReadOnlyList<string>? Tags,
    bool? Requeue);
