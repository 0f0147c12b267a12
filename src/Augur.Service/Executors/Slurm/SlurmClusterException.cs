namespace Augur.Service.Executors.Slurm;

/// <summary>Slurm cannot serve as Augur's cluster: slurmctld does not answer, or the partition has no usable node.</summary>
public sealed class SlurmClusterException : Exception
{
    public SlurmClusterException()
    {
    }

    public SlurmClusterException(string message)
        : base(message)
    {
    }

    public SlurmClusterException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
