namespace Augur.Service.Executors.Slurm;

/// <summary>The CPUs of one node that a job is given.</summary>
public readonly record struct NodeShare(int Node, int Cpus);
