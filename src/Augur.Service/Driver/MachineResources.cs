namespace Augur.Service.Driver;

/// <summary>The resource pool of this machine that jobs share: processors (the scheduling resource), memory and GPUs (checked at submission).</summary>
public sealed record MachineResources(int Processors, long MemoryMegabytes, int Gpus);
