namespace Augur.Service.Driver;

/// <summary>One user's share of the machine now, and how many of their jobs ended since the service started.</summary>
public sealed record UserLoad(string User, int QueuedJobs, long QueuedProcessors, int RunningJobs, long BusyProcessors, long FinishedJobs);
