namespace Augur.Service.Store;

/// <summary>The durable job a submission created, or the one an earlier submission with the same idempotency key created.</summary>
/// <param name="Job">The job.</param>
/// <param name="Created">False when the idempotency key had been used: nothing new was stored.</param>
/// <param name="Conflict">True when the key had been used with a different request.</param>
public sealed record SubmissionResult(JobRecord Job, bool Created, bool Conflict);
