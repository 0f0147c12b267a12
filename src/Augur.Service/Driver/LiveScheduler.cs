using System.Threading.Channels;
using Augur.Core.Jobs;
using Augur.Core.Prediction;
using Augur.Core.Scheduling;
using Augur.Core.Time;
using Augur.Service.Executors;
using Augur.Service.Store;

namespace Augur.Service.Driver;

/// <summary>
/// The live driver: the simulator's counterpart on the wall clock. It drives the same <see cref="IPolicy"/> and
/// <see cref="RunTimeEstimator"/> objects, through the same <see cref="SchedulingContext"/>, with decision points
/// at submissions, job ends, estimate expiries and the wake-ups policies ask for. One loop owns the scheduling
/// view; requests and process ends reach it as messages, so the policy is never called from two threads.
/// </summary>
public sealed partial class LiveScheduler : ISchedulingDriver, IDisposable
{
    // A job past its planned end is planned to end this much later, again and again until it does: the
    // executor's kill takes up to the grace period, and until then its processors are not free.
    private static readonly Duration Overrun = Duration.FromSeconds(1);

    private readonly JobStore store;
    private readonly IJobExecutor executor;
    private readonly IPolicy policy;
    private readonly RunTimeEstimator? estimator;
    private readonly MachineResources machine;
    private readonly TimeProvider time;
    private readonly SchedulerMetrics metrics;
    private readonly TextWriter log;
    private readonly SchedulingContext context;
    private readonly Channel<SchedulerMessage> messages = Channel.CreateUnbounded<SchedulerMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<long, LiveJob> jobsById = [];
    private readonly List<LiveJob?> jobsByIndex = [];
    private readonly SortedSet<long> wakeUps = [];
    private readonly List<LiveJob> expired = [];
    private readonly CancellationTokenSource stopping = new();
    private Task? loop;
    private Instant now;
    private long waitingProcessors;
    private int allocatedProcessors;
    private long reservedMemory;

    // Timestamp ticks spent applying starts (store transactions, spawning) within the current decision: the
    // latency metric counts the policy's deciding, not the driver's fsyncs and forks.
    private long applyingTicks;

    public LiveScheduler(JobStore store, IJobExecutor executor, IPolicy policy, RunTimeEstimator? estimator, MachineResources machine, TimeProvider time, SchedulerMetrics metrics, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(executor);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(machine);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(log);
        this.store = store;
        this.executor = executor;
        this.policy = policy;
        this.estimator = estimator;
        this.machine = machine;
        this.time = time;
        this.metrics = metrics;
        this.log = log;
        context = new SchedulingContext(machine.Processors, this, job => jobsByIndex[job.Index]!.Estimate);
        store.Committed = jobs => messages.Writer.TryWrite(new JobsSubmitted(jobs));
        executor.Exited = exit => messages.Writer.TryWrite(new ProcessEnded(exit));
    }

    public MachineResources Machine => machine;

    public string PolicyId => policy.Id;

    public string ExecutorId => executor.Id;

    /// <summary>Recovers the store's unfinished jobs, rebuilds the predictor's state, and starts the loop.</summary>
    public void Start()
    {
        now = WallClock.Now(time);
        Recover();
        Decide(DecisionTrigger.WakeUp, null, default);
        loop = Task.Factory.StartNew(RunAsync, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
    }

    public Task<CancelOutcome> CancelAsync(long jobId, string by) => Ask<CancelOutcome>(reply => new CancelRequested(jobId, by, reply));

    public Task<QueueSnapshot> QueueAsync(int limit, string? user) => Ask<QueueSnapshot>(reply => new QueueRequested(limit, user, reply));

    public Task<ClusterSnapshot> ClusterAsync() => Ask<ClusterSnapshot>(reply => new ClusterRequested(reply));

    public void Dispose()
    {
        messages.Writer.TryComplete();
        stopping.Cancel();
        try
        {
            loop?.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            // The loop ends by cancellation.
        }

        stopping.Dispose();
    }

    private Task<T> Ask<T>(Func<TaskCompletionSource<T>, SchedulerMessage> create)
    {
        var reply = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!messages.Writer.TryWrite(create(reply)))
        {
            reply.SetException(new ObjectDisposedException(nameof(LiveScheduler), "the scheduler is stopping."));
        }

        return reply.Task;
    }

    /// <summary>What stopped the scheduler's loop, or null while it runs (or after a clean stop).</summary>
    public Exception? Fault { get; private set; }

    /// <summary>Called once if the loop fails: the service must stop rather than acknowledge jobs it will not run.</summary>
    public Action<Exception>? Faulted { get; set; }

    private async Task RunAsync()
    {
        try
        {
            await LoopAsync().ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The loop's last resort: any failure stops the service loudly instead of silently.
        catch (Exception exception) when (exception is not OperationCanceledException || !stopping.IsCancellationRequested)
#pragma warning restore CA1031
        {
            Fault = exception;
            log.WriteLine($"augur serve: the scheduler stopped: {exception}");
            messages.Writer.TryComplete(exception);
            while (messages.Reader.TryRead(out var pending))
            {
                FailReply(pending, exception);
            }

            Faulted?.Invoke(exception);
        }
    }

    private static void FailReply(SchedulerMessage message, Exception exception)
    {
        switch (message)
        {
            case CancelRequested cancel:
                cancel.Reply.TrySetException(exception);
                break;
            case QueueRequested queue:
                queue.Reply.TrySetException(exception);
                break;
            case ClusterRequested cluster:
                cluster.Reply.TrySetException(exception);
                break;
        }
    }

    private async Task LoopAsync()
    {
        var reader = messages.Reader;
        while (!stopping.IsCancellationRequested)
        {
            // Never backwards: a wall clock stepped back (NTP) must not reorder planned ends and wake-ups.
            now = Instant.Max(now, WallClock.Now(time));
            HandleTimers();
            PublishGauges();
            if (reader.TryRead(out var message))
            {
                Handle(message);
                context.Waiting.CompactIfSparse();
                continue;
            }

            var next = NextTimer();
            var delay = next == Instant.MaxValue ? Timeout.InfiniteTimeSpan : TimeSpan.FromTicks(Math.Max(0, (next - now).Microseconds * 10) + TimeSpan.TicksPerMillisecond);
            using var timer = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token);
            if (delay != Timeout.InfiniteTimeSpan)
            {
                timer.CancelAfter(delay);
            }

            try
            {
                if (!await reader.WaitToReadAsync(timer.Token).ConfigureAwait(false))
                {
                    return;
                }
            }
            catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
            {
                // A timer is due.
            }
        }
    }

    private void Handle(SchedulerMessage message)
    {
        switch (message)
        {
            case JobsSubmitted submitted:
                foreach (var record in submitted.Jobs)
                {
                    var job = Admit(record);
                    Decide(DecisionTrigger.Submission, job.Request, default);
                }

                break;
            case ProcessEnded ended:
                HandleEnd(ended.Exit);
                break;
            case CancelRequested cancel:
                cancel.Reply.TrySetResult(Cancel(cancel.JobId, cancel.By));
                break;
            case QueueRequested queue:
                queue.Reply.TrySetResult(Queue(queue.Limit, queue.User));
                break;
            case ClusterRequested cluster:
                cluster.Reply.TrySetResult(Cluster());
                break;
            default:
                throw new InvalidOperationException($"unexpected message {message.GetType().Name}");
        }

        PublishGauges();
    }

    /// <summary>Makes a stored queued job a waiting job of the scheduling view, with its prediction.</summary>
    private LiveJob Admit(JobRecord record)
    {
        var job = Track(record);
        if (estimator is not null)
        {
            var prediction = new PredictionContext(now, context.Waiting.Count, waitingProcessors, context.Profile.Count, context.Profile.CommittedProcessors);
            job.InitialEstimate = estimator.Estimate(job.Request, prediction, out var predicted);
            job.Prediction = predicted;
        }
        else
        {
            job.InitialEstimate = job.Request.RequestedTime;
        }

        job.Estimate = job.InitialEstimate;
        waitingProcessors += job.Request.Processors;
        Users.Enter(record.Specification.User, job.Request.Processors, running: false);
        context.Waiting.Enqueue(job.Request, job.Estimate);
        return job;
    }

    private LiveJob Track(JobRecord record)
    {
        var job = new LiveJob(record, Request(jobsByIndex.Count, record));
        jobsByIndex.Add(job);
        jobsById[record.Id] = job;
        return job;
    }

    private void Decide(DecisionTrigger trigger, JobRequest? triggerJob, RunningJob ended)
    {
        var started = time.GetTimestamp();
        context.BeginDecision(now, trigger, triggerJob, ended);
        DecideTimed(started);
    }

    private void DecideTimed(long started)
    {
        applyingTicks = 0;
        try
        {
            policy.Decide(context);
        }
        catch (InvalidDecisionException exception)
        {
            // A policy bug must not take the service down: the decision is dropped and counted.
            metrics.RecordInvalidDecision();
            log.WriteLine($"augur serve: invalid decision: {exception.Message}");
        }

        metrics.RecordDecision(time.GetElapsedTime(started, time.GetTimestamp() - applyingTicks).TotalSeconds);
    }

    private void PublishGauges()
    {
        metrics.QueueLength = context.Waiting.Count;
        metrics.RunningJobs = context.Profile.Count;
        metrics.BusyProcessors = allocatedProcessors;
        History.Record(now.Microseconds, allocatedProcessors, context.Profile.Count, context.Waiting.Count);
    }
}
