using Augur.Core.Time;

namespace Augur.Core.Jobs;

/// <summary>A GPU trace's record of one job: the request a scheduler may see, and its true run time on GPUs of one node, which only the driver holds.</summary>
public sealed record GpuWorkloadJob(GpuJobRequest Request, Duration RunTime);
