using Augur.Core.Prediction;
using Augur.Policies;
using Augur.Prediction;
using Augur.Service.Dashboard;
using Augur.Service.Driver;
using Augur.Service.Executors;
using Augur.Service.Security;
using Augur.Service.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Augur.Service.Api;

/// <summary>
/// The composition of <c>augur serve</c>: the store, the executor, the scheduler with the catalogue's policy and
/// predictor, and the HTTP API on Kestrel. The scheduler recovers and starts before the API accepts requests.
/// </summary>
public static class ServiceApplication
{
    public static WebApplication Build(ServiceOptions options, TimeProvider time, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(log);
        PolicyCatalogue.Validate(options.PolicyId, options.OrderId);
        // Only the service's user may read the store (commands, arguments) and the jobs' output.
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(options.DataDirectory);
        }
        else
        {
            Directory.CreateDirectory(options.DataDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var folderLock = DataFolderLock.Acquire(options.DataDirectory);
        var policy = PolicyCatalogue.Create(options.PolicyId, options.OrderId);
        var estimator = CreateEstimator(options);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ApplicationName = typeof(ServiceApplication).Assembly.GetName().Name });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            kestrel.Limits.MaxRequestLineSize = 8 * 1024;
        });
        builder.Services.ConfigureHttpJsonOptions(json => ServiceJson.Configure(json.SerializerOptions));
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi("v1");

        var store = new JobStore(options.StorePath);
        try
        {
            RunningJobsGuard.Check(store, options.ExecutorId);
        }
        catch (ExecutorMismatchException)
        {
            store.Dispose();
            folderLock.Dispose();
            throw;
        }

        var tokens = new TokenStore(options.StorePath, time);
        var executor = ExecutorSelection.Create(options, store, time, log);
        var metrics = new SchedulerMetrics();
        var scheduler = new LiveScheduler(store, executor, policy, estimator, options.Machine, time, metrics, log);
        builder.Services.AddSingleton(tokens);
        builder.Services.AddSingleton(scheduler);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<BearerAuthentication>();
        app.MapGet("/healthz", () => scheduler.Fault is null
                ? Results.Text("ok\n")
                : Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The scheduler stopped.", detail: scheduler.Fault.Message))
            .WithName("Health").WithSummary("Liveness; needs no token. 503 once the scheduler's loop has failed.");
        app.MapOpenApi("/openapi.json");
        JobEndpoints.Map(app, store, scheduler, time);
        ClusterEndpoints.Map(app, scheduler, metrics);
        HistoryEndpoints.Map(app, scheduler, time);
        DashboardEndpoints.Map(app);

        var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
        lifetime.ApplicationStarted.Register(() => log.WriteLine($"augur serve: listening on {string.Join(", ", app.Urls)} ({policy.Id}{(estimator is null ? string.Empty : $", {estimator.Predictor.Id}")}, {executor.Id}, {options.Machine.Processors} processors, data in {options.DataDirectory})"));
        lifetime.ApplicationStopped.Register(() =>
        {
            // Running jobs keep running: the next start re-adopts them.
            scheduler.Dispose();
            executor.Dispose();
            store.Dispose();
            folderLock.Dispose();
        });
        scheduler.Faulted = _ => lifetime.StopApplication();
        scheduler.Start();
        if (tokens.Count() == 0)
        {
            log.WriteLine("augur serve: no tokens exist yet; create one with 'augur token create --user NAME --data DIR'.");
        }

        return app;
    }

    private static RunTimeEstimator? CreateEstimator(ServiceOptions options)
    {
        var predictorId = options.PredictorId ?? (options.PolicyId == "backfill/easy++" ? "predictor/tsafrir" : null);
        if (predictorId is null)
        {
            return null;
        }

        var predictor = PredictorCatalogue.Create(predictorId, new PredictorSetup(Truth: null, Seed: options.Seed, TotalProcessors: options.Machine.Processors));
        var corrector = CorrectorCatalogue.Create(options.CorrectorId ?? (predictorId == "predictor/tsafrir" ? "corrector/tsafrir" : "corrector/request"));
        return new RunTimeEstimator(predictor, corrector);
    }
}
