using Augur.Prediction.Boosting;
using Augur.Prediction.Features;

namespace Augur.Prediction.Learned;

/// <summary>
/// Gradient-boosted trees learned online from jobs as they end, the training machinery of the predictors built
/// on XGBoost (<c>predictor/xgboost</c>, <c>predictor/helios</c>). A job's features are written into a row when it
/// is predicted (<see cref="RowFor"/>) and join the training data only when it ends (<see cref="Learn"/>), with
/// log(1 + run time) as the label, so nothing is learned before it could be known. The training data is a sliding
/// window of the most recently ended jobs (<see cref="XGBoostPredictorOptions.Window"/>); the first model is
/// trained after <see cref="XGBoostPredictorOptions.FirstTraining"/> ends, the next each time the ends double and
/// at least every <see cref="XGBoostPredictorOptions.RetrainEvery"/>.
/// </summary>
public sealed class OnlineBoostedTrees : IDisposable
{
    private readonly XGBoostPredictorOptions options;
    private readonly Dictionary<int, float[]> pendingRows = [];

    // Rows of ended jobs, reused for new submissions: the number alive is the jobs in the system, not all jobs.
    private readonly Stack<float[]> freeRows = new();
    private readonly float[] windowRows;
    private readonly float[] windowLabels;
    private BoostedTreesModel? model;
    private int windowNext;
    private long nextTraining;

    /// <summary>Trees over rows of <paramref name="columns"/> features; <paramref name="options"/> are validated here.</summary>
    public OnlineBoostedTrees(int columns, XGBoostPredictorOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        this.options = options;
        Columns = columns;
        windowRows = new float[options.Window * columns];
        windowLabels = new float[options.Window];
        nextTraining = options.FirstTraining;
    }

    /// <summary>Features per row.</summary>
    public int Columns { get; }

    /// <summary>Models trained so far.</summary>
    public int Trainings { get; private set; }

    /// <summary>Jobs learned from: ended after a row was taken for them.</summary>
    public long Ended { get; private set; }

    /// <summary>Whether a model has been trained, so <see cref="PredictSeconds"/> has an answer.</summary>
    public bool HasModel => model is not null;

    /// <summary>The ended jobs' labels in the window, log(1 + run time in seconds), by slot (not by age once full).</summary>
    public ReadOnlySpan<float> WindowLabels => windowLabels.AsSpan(0, WindowCount);

    /// <summary>Ended jobs in the window: at most <see cref="XGBoostPredictorOptions.Window"/>.</summary>
    public int WindowCount { get; private set; }

    /// <summary>
    /// The row to write <paramref name="job"/>'s features into, kept until the job ends. A row freed by an ended
    /// job is reused, and a job predicted again gets its own row back, so steady state allocates nothing.
    /// </summary>
    public float[] RowFor(int job)
    {
        if (!pendingRows.TryGetValue(job, out var row))
        {
            row = freeRows.Count > 0 ? freeRows.Pop() : new float[Columns];
            pendingRows[job] = row;
        }

        return row;
    }

    /// <summary>The model's run time in seconds for a row of features; NaN before the first model.</summary>
    public double PredictSeconds(ReadOnlySpan<float> row) => model is null ? double.NaN : Math.Max(0, Math.Exp(model.Predict(row)) - 1);

    /// <summary>The row in window slot <paramref name="slot"/> (below <see cref="WindowCount"/>).</summary>
    public ReadOnlySpan<float> WindowRow(int slot)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(slot);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(slot, WindowCount);
        return windowRows.AsSpan(slot * Columns, Columns);
    }

    /// <summary>
    /// Adds an ended job's row to the window, overwriting the oldest once full, frees the row and retrains when
    /// due. False for a job without a row (ended without a prediction, as a job the driver adopted): nothing is learned.
    /// </summary>
    public bool Learn(int job, double runTimeSeconds)
    {
        if (!pendingRows.Remove(job, out var row))
        {
            return false;
        }

        row.CopyTo(windowRows.AsSpan(windowNext * Columns, Columns));
        freeRows.Push(row);
        windowLabels[windowNext] = JobFeatureExtractor.Log(runTimeSeconds);
        windowNext = (windowNext + 1) % options.Window;
        WindowCount = Math.Min(WindowCount + 1, options.Window);
        if (++Ended >= nextTraining)
        {
            Train();
            nextTraining = Ended + Math.Min(Ended, options.RetrainEvery);
        }

        return true;
    }

    public void Dispose()
    {
        model?.Dispose();
        model = null;
    }

    private void Train()
    {
        var matrix = new BoostedTreesMatrix(windowRows[..(WindowCount * Columns)], Columns);
        var trained = BoostedTreesModel.Train(matrix, windowLabels.AsSpan(0, WindowCount), options.Trees);
        model?.Dispose();
        model = trained;
        Trainings++;
    }
}
