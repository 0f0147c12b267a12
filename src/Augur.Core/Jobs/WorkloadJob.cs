namespace Augur.Core.Jobs;

/// <summary>A trace's record of one job: the request a scheduler may see and the outcome only the driver holds.</summary>
public sealed record WorkloadJob(JobRequest Request, JobOutcome Outcome);
