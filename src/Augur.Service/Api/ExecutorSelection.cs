using Augur.Service.Executors;
using Augur.Service.Executors.Local;
using Augur.Service.Executors.Slurm;
using Augur.Service.Store;

namespace Augur.Service.Api;

/// <summary>Builds the executor <see cref="ServiceOptions.ExecutorId"/> names.</summary>
public static class ExecutorSelection
{
    public static IJobExecutor Create(ServiceOptions options, JobStore store, TimeProvider time, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(options);
        return ExecutorCatalogue.Validate(options.ExecutorId) switch
        {
            SlurmExecutor.ExecutorId => new SlurmExecutor(
                options.Slurm ?? throw new InvalidOperationException("executor/slurm needs the Slurm settings (ServiceOptions.Slurm)."),
                store,
                options.DataDirectory,
                options.GracePeriod,
                time,
                log),
            _ => new LocalExecutor(options.RunsDirectory, time, options.GracePeriod),
        };
    }
}
