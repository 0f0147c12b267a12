using Augur.Core.Jobs;
using Augur.Core.Prediction;
using Augur.Core.Time;
using Augur.Service.Store;

namespace Augur.Service.Driver;

/// <summary>The scheduler's in-memory state of one unfinished job (owned by the scheduler's loop).</summary>
internal sealed class LiveJob(JobRecord record, JobRequest request)
{
    public JobRecord Record { get; set; } = record;

    public JobRequest Request { get; } = request;

    public Core.Prediction.Prediction Prediction { get; set; } = Core.Prediction.Prediction.None;

    public Duration InitialEstimate { get; set; }

    /// <summary>The run time the scheduler plans with now.</summary>
    public Duration Estimate { get; set; }

    public int Corrections { get; set; }

    public bool IsRunning { get; set; }

    public Instant Start { get; set; }

    public Instant PlannedEnd { get; set; }
}
