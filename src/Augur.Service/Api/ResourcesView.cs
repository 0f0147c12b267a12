namespace Augur.Service.Api;

/// <summary>A job's resources: processors, memory in MiB, GPUs.</summary>
public sealed record ResourcesView(int Procs, long MemoryMb, int Gpus);
