using Augur.Core.Jobs;
using Augur.Core.Prediction;
using Augur.Core.Time;

namespace Augur.Prediction.Features;

/// <summary>
/// Describes a job by what is known when it is submitted, as a row of numbers for a learned model:
/// the request, the size, the user's recent history (last run times and their ratios to the requests, jobs
/// still in the system), online target encodings of the user, group, queue and executable (the mean log run
/// time of their completed jobs so far, so no future leaks in), the time of day and week, and the load.
/// Run times enter as log(1 + seconds): they span six orders of magnitude. Missing values are NaN, which
/// the trees handle natively. <see cref="Observe"/> must see every submission and <see cref="Learn"/> every end.
/// </summary>
public sealed class JobFeatureExtractor
{
    public const int Count = 22;

    private static readonly string[] ColumnNames =
    [
        "log_request", "log_processors", "log_last_run", "log_second_last_run", "log_mean_run_5", "last_ratio",
        "mean_ratio_5", "log_user_completed", "user_in_system", "log_since_user_submit", "hour_of_day", "day_of_week",
        "log_waiting_jobs", "log_waiting_processors", "log_running_jobs", "busy_share", "user_encoding",
        "group_encoding", "queue_encoding", "executable_encoding", "log_repeat_last_run", "has_request",
    ];

    private readonly Dictionary<int, UserRecord> users = [];
    private readonly CategoryEncoding groups = new();
    private readonly CategoryEncoding queues = new();
    private readonly CategoryEncoding executables = new();
    private readonly CategoryEncoding userMeans = new();
    private readonly Dictionary<RepeatKey, double> repeats = [];
    private readonly long totalProcessors;

    /// <param name="totalProcessors">The machine's size, to scale the load features; 0 when unknown.</param>
    public JobFeatureExtractor(long totalProcessors = 0)
    {
        this.totalProcessors = totalProcessors;
    }

    public static IReadOnlyList<string> Names => ColumnNames;

    /// <summary>Writes <paramref name="job"/>'s features into <paramref name="row"/> (length <see cref="Count"/>) and records its submission.</summary>
    public void Observe(JobRequest job, in PredictionContext context, Span<float> row)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (row.Length != Count)
        {
            throw new ArgumentException($"A feature row has {Count} values, not {row.Length}.", nameof(row));
        }

        var user = UserOf(job.Features.User);
        var submit = job.Submit.Microseconds / (double)Duration.MicrosecondsPerSecond;
        var features = job.Features;
        row[0] = job.HasRequestedTime ? Log(job.RequestedTime.TotalSeconds) : float.NaN;
        row[1] = (float)Math.Log2(job.Processors);
        row[2] = Log(user.RunBack(0));
        row[3] = Log(user.RunBack(1));
        row[4] = Log(user.MeanRun);
        row[5] = (float)user.LastRatio;
        row[6] = (float)user.MeanRatio;
        row[7] = Log(user.Completed);
        row[8] = user.InSystem;
        row[9] = Log(submit - user.LastSubmitSeconds);
        row[10] = (float)(submit / 3600 % 24);
        row[11] = (float)Math.Floor(submit / 86400 % 7);
        row[12] = Log(context.WaitingJobs);
        row[13] = Log(context.WaitingProcessors);
        row[14] = Log(context.RunningJobs);
        row[15] = totalProcessors > 0 ? (float)(context.BusyProcessors / (double)totalProcessors) : float.NaN;
        row[16] = (float)userMeans.MeanOf(features.User);
        row[17] = (float)groups.MeanOf(features.Group);
        row[18] = (float)queues.MeanOf(features.Queue);
        row[19] = (float)executables.MeanOf(features.Executable);
        row[20] = repeats.TryGetValue(RepeatKey.Of(job), out var repeat) ? Log(repeat) : float.NaN;
        row[21] = job.HasRequestedTime ? 1 : 0;
        user.InSystem++;
        user.LastSubmitSeconds = submit;
    }

    /// <summary>The last run time of an exact repeat (same user, executable, request and size), if one ended.</summary>
    public bool TryGetRepeat(JobRequest job, out double seconds)
    {
        ArgumentNullException.ThrowIfNull(job);
        return repeats.TryGetValue(RepeatKey.Of(job), out seconds);
    }

    /// <summary>The user's last and second-last completed run times in seconds (NaN where there are none).</summary>
    public (double Last, double SecondLast) RecentRuns(int user) =>
        users.TryGetValue(user, out var record) ? (record.RunBack(0), record.RunBack(1)) : (double.NaN, double.NaN);

    public void Learn(JobRequest job, JobOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(job);
        var seconds = outcome.RunTime.TotalSeconds;
        var user = UserOf(job.Features.User);
        user.InSystem = Math.Max(0, user.InSystem - 1);
        user.Add(seconds, job.HasRequestedTime ? seconds / job.RequestedTime.TotalSeconds : double.NaN);
        var logRun = Math.Log(1 + seconds);
        userMeans.Add(job.Features.User, logRun);
        groups.Add(job.Features.Group, logRun);
        queues.Add(job.Features.Queue, logRun);
        executables.Add(job.Features.Executable, logRun);
        repeats[RepeatKey.Of(job)] = seconds;
    }

    /// <summary>log(1 + x) as a float; NaN stays NaN, negatives count as 0.</summary>
    public static float Log(double value) => double.IsNaN(value) ? float.NaN : (float)Math.Log(1 + Math.Max(0, value));

    private UserRecord UserOf(int user)
    {
        if (!users.TryGetValue(user, out var record))
        {
            record = new UserRecord();
            users[user] = record;
        }

        return record;
    }

    private readonly record struct RepeatKey(int User, int Executable, long Request, int Processors)
    {
        public static RepeatKey Of(JobRequest job) => new(job.Features.User, job.Features.Executable, job.RequestedTime.Microseconds, job.Processors);
    }
}
