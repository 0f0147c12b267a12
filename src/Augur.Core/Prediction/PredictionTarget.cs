namespace Augur.Core.Prediction;

/// <summary>What a predictor estimates. Units: seconds for <see cref="RunTime"/>, kilobytes for <see cref="Memory"/>.</summary>
public enum PredictionTarget
{
    /// <summary>How long the job runs, in seconds.</summary>
    RunTime = 0,

    /// <summary>The job's peak memory per processor, in kilobytes (SWF field 7's unit).</summary>
    Memory = 1,
}
