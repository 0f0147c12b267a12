namespace Augur.Prediction.Features;

/// <summary>What a predictor remembers of one user: recent completed runs and the jobs still in the system.</summary>
internal sealed class UserRecord
{
    public const int Remembered = 5;

    private readonly double[] runSeconds = new double[Remembered];
    private readonly double[] ratios = new double[Remembered];
    private int next;

    /// <summary>Completed jobs seen.</summary>
    public int Completed { get; private set; }

    /// <summary>Jobs submitted and not yet ended.</summary>
    public int InSystem { get; set; }

    /// <summary>Submission of this user's previous job, in seconds; NaN before the first.</summary>
    public double LastSubmitSeconds { get; set; } = double.NaN;

    /// <summary>The run time of the <paramref name="back"/>-th most recent completed job (0 = last); NaN if none.</summary>
    public double RunBack(int back) => back < Math.Min(Completed, Remembered) ? runSeconds[(next - 1 - back + Remembered) % Remembered] : double.NaN;

    /// <summary>Mean run time of the remembered jobs; NaN if none.</summary>
    public double MeanRun => Mean(runSeconds);

    /// <summary>Mean of run / request over the remembered jobs that had a request; NaN if none.</summary>
    public double MeanRatio => Mean(ratios);

    public double LastRatio => Completed == 0 ? double.NaN : ratios[(next - 1 + Remembered) % Remembered];

    public void Add(double seconds, double ratio)
    {
        runSeconds[next] = seconds;
        ratios[next] = ratio;
        next = (next + 1) % Remembered;
        Completed++;
    }

    private double Mean(double[] values)
    {
        var count = Math.Min(Completed, Remembered);
        if (count == 0)
        {
            return double.NaN;
        }

        var sum = 0.0;
        var used = 0;
        for (var i = 0; i < count; i++)
        {
            if (!double.IsNaN(values[i]))
            {
                sum += values[i];
                used++;
            }
        }

        return used == 0 ? double.NaN : sum / used;
    }
}
