using Augur.Service.Executors;
using Augur.Service.Store;

namespace Augur.Service.Driver;

/// <summary>Work for the scheduler's loop; everything that touches the scheduling view arrives as one of these.</summary>
internal abstract record SchedulerMessage;

/// <summary>New durable jobs, in id order.</summary>
internal sealed record JobsSubmitted(IReadOnlyList<JobRecord> Jobs) : SchedulerMessage;

/// <summary>A job's process ended.</summary>
internal sealed record ProcessEnded(ProcessExit Exit) : SchedulerMessage;

/// <summary>A user asks to cancel a job.</summary>
internal sealed record CancelRequested(long JobId, string By, TaskCompletionSource<CancelOutcome> Reply) : SchedulerMessage;

/// <summary>A read of the queue with predicted starts.</summary>
internal sealed record QueueRequested(int Limit, string? User, TaskCompletionSource<QueueSnapshot> Reply) : SchedulerMessage;

/// <summary>A read of the machine's use.</summary>
internal sealed record ClusterRequested(TaskCompletionSource<ClusterSnapshot> Reply) : SchedulerMessage;
