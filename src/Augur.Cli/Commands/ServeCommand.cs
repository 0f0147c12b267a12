using System.CommandLine;
using Augur.Service.Api;
using Augur.Service.Driver;
using Augur.Service.Executors;
using Augur.Service.Executors.Local;
using Augur.Service.Executors.Slurm;
using Augur.Service.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Augur.Cli.Commands;

/// <summary><c>augur serve</c>: the live scheduler with its HTTP API (docs/service.md).</summary>
public static class ServeCommand
{
    public static Command Create(CliContext context)
    {
        var policy = new Option<string>("--policy") { Description = "the scheduling policy (augur policies lists them)", DefaultValueFactory = _ => "backfill/easy" };
        var order = new Option<string?>("--order") { Description = "the queue order, for policies that take one" };
        var predictor = new Option<string?>("--predictor") { Description = "plan with predicted run times (e.g. predictor/moe); requested times when absent" };
        var corrector = new Option<string?>("--corrector") { Description = "the corrector for jobs that outlive their prediction" };
        var data = new Option<string>("--data") { Description = "the folder of the store (augur.db) and the jobs' run folders", DefaultValueFactory = _ => "augur-data" };
        var urls = new Option<string>("--urls") { Description = "where to listen (semicolon-separated); loopback only by default", DefaultValueFactory = _ => "http://127.0.0.1:8080" };
        var processors = WholeNumberOption.CreateOptional("--procs", "processors jobs may use (default: this machine's)", minimum: 1);
        var memory = WholeNumberOption.CreateOptional("--memory-mb", "memory jobs may ask for, in MiB (default: this machine's)", minimum: 1);
        var gpus = WholeNumberOption.Create("--gpus", "GPUs jobs may ask for", 0, minimum: 0);
        var grace = WholeNumberOption.Create("--grace-seconds", "seconds between SIGTERM and SIGKILL at a wall-time limit or a cancel", 10, minimum: 0);
        var seed = WholeNumberOption.Create("--seed", "the predictors' random seed", 1, minimum: int.MinValue);
        var executor = new Option<string>("--executor") { Description = "where jobs run: executor/local (this machine) or executor/slurm", DefaultValueFactory = _ => LocalExecutor.ExecutorId };
        var slurmConf = new Option<string?>("--slurm-conf") { Description = "executor/slurm: the slurm.conf every Slurm client gets as SLURM_CONF (default: $SLURM_CONF)" };
        var slurmPartition = new Option<string?>("--slurm-partition") { Description = "executor/slurm: the partition whose nodes run the jobs (default: Slurm's default partition)" };
        var slurmJobcomp = new Option<string?>("--slurm-jobcomp") { Description = "executor/slurm: the jobcomp/filetxt log (default: JobCompLoc of scontrol show config)" };
        var slurmTimeout = WholeNumberOption.Create("--slurm-timeout-seconds", "executor/slurm: each Slurm client is killed after this long", 5, minimum: 1);
        var command = new Command("serve", "Run the live scheduler: HTTP API, durable queue (SQLite), local or Slurm executor.")
        {
            policy, order, predictor, corrector, data, urls, processors, memory, gpus, grace, seed, executor, slurmConf, slurmPartition, slurmJobcomp, slurmTimeout,
        };
        command.SetAction(parsed =>
        {
            var executorId = ExecutorCatalogue.Validate(parsed.GetValue(executor)!);
            SlurmSettings? slurm = null;
            var machine = LocalMachine.Detect(parsed.GetValue(processors), parsed.GetValue(memory), parsed.GetValue(gpus));
            if (executorId == SlurmExecutor.ExecutorId)
            {
                slurm = OpenSlurm(parsed.GetValue(slurmConf) ?? Environment.GetEnvironmentVariable("SLURM_CONF"), parsed.GetValue(slurmPartition), parsed.GetValue(slurmJobcomp), parsed.GetValue(slurmTimeout));
                machine = SlurmMachine(slurm.Cluster.Machine, parsed.GetValue(processors), parsed.GetValue(memory));
            }

            var options = new ServiceOptions
            {
                DataDirectory = Path.GetFullPath(parsed.GetValue(data)!),
                Urls = parsed.GetValue(urls)!,
                PolicyId = parsed.GetValue(policy)!,
                OrderId = parsed.GetValue(order),
                PredictorId = parsed.GetValue(predictor),
                CorrectorId = parsed.GetValue(corrector),
                Machine = machine,
                ExecutorId = executorId,
                Slurm = slurm,
                GracePeriod = TimeSpan.FromSeconds(parsed.GetValue(grace)),
                Seed = parsed.GetValue(seed),
            };
            WebApplication app;
            try
            {
                app = ServiceApplication.Build(options, TimeProvider.System, context.Error);
            }
            catch (Exception exception) when (exception is DataFolderInUseException or ExecutorMismatchException)
            {
                throw new CommandLineFailureException(ExitCodes.Usage, exception.Message);
            }

            using (app)
            {
                try
                {
                    app.StartAsync().GetAwaiter().GetResult();
                }
                catch (Exception exception) when (exception is IOException or FormatException or InvalidOperationException or UriFormatException)
                {
                    // Kestrel reports a port in use or a malformed --urls here; the generic handler would call it an output error.
                    throw new CommandLineFailureException(ExitCodes.Usage, $"cannot listen on '{options.Urls}': {exception.Message}");
                }

                app.WaitForShutdown();
                return app.Services.GetRequiredService<LiveScheduler>().Fault is null ? ExitCodes.Ok : ExitCodes.Failure;
            }
        });
        return command;
    }

    private static SlurmSettings OpenSlurm(string? configuration, string? partition, string? jobcomp, int timeoutSeconds)
    {
        try
        {
            return SlurmConnection.Open(configuration, partition, jobcomp, TimeSpan.FromSeconds(timeoutSeconds));
        }
        catch (Exception exception) when (exception is SlurmClusterException or SlurmOutputException)
        {
            throw new CommandLineFailureException(ExitCodes.Failure, $"executor/slurm: {exception.Message}");
        }
    }

    /// <summary>The partition's totals, or less when --procs or --memory-mb ask for less (never more than Slurm has).</summary>
    private static MachineResources SlurmMachine(MachineResources slurm, int? processors, int? memory)
    {
        if (processors > slurm.Processors || memory > slurm.MemoryMegabytes)
        {
            throw new CommandLineFailureException(ExitCodes.Usage, $"executor/slurm: the partition has {slurm.Processors} CPUs and {slurm.MemoryMegabytes} MiB; --procs and --memory-mb may not ask for more");
        }

        return new MachineResources(processors ?? slurm.Processors, memory ?? slurm.MemoryMegabytes, slurm.Gpus);
    }
}
