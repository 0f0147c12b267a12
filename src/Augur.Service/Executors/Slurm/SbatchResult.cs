namespace Augur.Service.Executors.Slurm;

/// <summary>The three outcomes of an sbatch call (see <see cref="SbatchOutcome"/>).</summary>
public enum SbatchResult
{
    Submitted,
    Rejected,
    Uncertain,
}
