namespace Augur.Service.Api;

/// <summary>One user's queued and running jobs and processors now, and their jobs that ended since the service started.</summary>
public sealed record UserLoadView(string User, int QueuedJobs, long QueuedProcs, int RunningJobs, long BusyProcs, long FinishedJobs);
