using Augur.Core.Time;

namespace Augur.Core.Prediction;

/// <summary>
/// Chooses a new run-time estimate for a running job that outlived its estimate. The driver caps the answer
/// by the job's requested time and requires it to exceed the current one (an estimate the job has already
/// outlived is no estimate). Ids are <c>corrector/name</c>.
/// </summary>
public interface ICorrector
{
    string Id { get; }

    Duration Correct(in CorrectionRequest request);
}
