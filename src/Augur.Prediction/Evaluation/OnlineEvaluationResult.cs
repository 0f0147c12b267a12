using Augur.Core.Prediction;

namespace Augur.Prediction.Evaluation;

/// <summary>Every job's prediction (by index) and how good they were.</summary>
public sealed record OnlineEvaluationResult(string PredictorId, PredictionTarget Target, bool IsOracle, IReadOnlyList<Core.Prediction.Prediction> Predictions, PredictionAccuracy Accuracy);
