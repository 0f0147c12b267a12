using Augur.Core.Identifiers;
using Augur.Service.Executors.Local;
using Augur.Service.Executors.Slurm;

namespace Augur.Service.Executors;

/// <summary>The executors of <c>augur serve --executor ID</c>, by stable id; an unknown id gets "did you mean".</summary>
public static class ExecutorCatalogue
{
    public static ComponentCatalogue<string> Catalogue { get; } = new ComponentCatalogue<string>("executor")
        .Add(LocalExecutor.ExecutorId, "child processes of this machine (posix_spawn, /proc, signals)", () => LocalExecutor.ExecutorId)
        .Add(SlurmExecutor.ExecutorId, "batch jobs of a Slurm cluster (sbatch pinned to nodes, squeue, scancel)", () => SlurmExecutor.ExecutorId);

    /// <summary>The id itself when known; else throws <see cref="UnknownComponentException"/> naming the closest ids.</summary>
    public static string Validate(string id) => Catalogue.Create(id);
}
