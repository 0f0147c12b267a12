namespace Augur.Service.Store;

/// <summary>A submission waiting for the next group commit.</summary>
internal sealed record PendingSubmission(JobSpecification Specification, string? IdempotencyKey, string RequestHash, long SubmitMicroseconds)
{
    public TaskCompletionSource<SubmissionResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
