using Augur.Service.Store;

namespace Augur.Service.Executors;

/// <summary>A job's process has ended (or was found gone); <see cref="Ending"/> is what the store records.</summary>
public sealed record ProcessExit(long JobId, JobEnding Ending);
