using Augur.Core.Jobs;
using Augur.Core.Prediction;
using Augur.Core.Time;
using Augur.Prediction.Correctors;
using Augur.Prediction.Request;
using PointPrediction = Augur.Core.Prediction.Prediction;

namespace Augur.Prediction.Tests.Correctors;

public sealed class TsafrirCorrectorTests
{
    [Fact]
    public void Correct_InitialEstimate100s_FollowsTheStepsThenTheRequest()
    {
        // Initial estimate 100 s plus 1, 5, 15, 30 min, 1, 2, 5, 10, 20, 50, 100 h.
        long[] expected = [160, 400, 1000, 1900, 3700, 7300, 18_100, 36_100, 72_100, 180_100, 360_100];
        var job = Job(requestedSeconds: 10_000_000);
        var corrector = new TsafrirCorrector();
        var current = Duration.FromSeconds(100);

        for (var k = 0; k < expected.Length; k++)
        {
            var corrected = corrector.Correct(Request(job, initial: 100, current, correctionsSoFar: k));

            Assert.Equal(Duration.FromSeconds(expected[k]), corrected);
            current = corrected;
        }

        // After the eleventh correction: the request.
        Assert.Equal(Duration.FromSeconds(10_000_000), corrector.Correct(Request(job, initial: 100, current, correctionsSoFar: 11)));
        Assert.Equal(Duration.FromSeconds(10_000_000), corrector.Correct(Request(job, initial: 100, current, correctionsSoFar: 12)));
    }

    [Fact]
    public void Correct_StepsAreFromTheInitialEstimateNotTheCurrentOne()
    {
        var corrector = new TsafrirCorrector();

        var corrected = corrector.Correct(Request(Job(requestedSeconds: 100_000), initial: 30, Duration.FromSeconds(5000), correctionsSoFar: 2));

        Assert.Equal(Duration.FromSeconds(30 + 900), corrected);
    }

    [Fact]
    public void Correct_ThroughTheEstimator_IsCappedByTheRequestThenStaysThere()
    {
        // Request 2000 s: 160, 400, 1000, 1900, then 3700 is capped to 2000, and every later answer too.
        var job = Job(requestedSeconds: 2000);
        var estimator = new RunTimeEstimator(new RequestPredictor(), new TsafrirCorrector());
        var current = Duration.FromSeconds(100);
        var estimates = new List<long>();
        for (var k = 0; k < 7; k++)
        {
            current = estimator.Correct(Request(job, initial: 100, current, correctionsSoFar: k));
            estimates.Add(current.WholeSeconds);
        }

        Assert.Equal([160L, 400, 1000, 1900, 2000, 2000, 2000], estimates);
    }

    [Fact]
    public void Correct_NoRequestAfterTheLastStep_IsUnbounded()
    {
        var corrector = new TsafrirCorrector();

        Assert.Equal(Duration.MaxValue, corrector.Correct(Request(Job(requestedSeconds: null), initial: 100, Duration.FromSeconds(360_100), correctionsSoFar: 11)));
    }

    [Fact]
    public void Id_IsCorrectorTsafrir()
    {
        Assert.Equal("corrector/tsafrir", new TsafrirCorrector().Id);
    }

    private static JobRequest Job(long? requestedSeconds) =>
        new(0, 1, Instant.Zero, 1, requestedSeconds is { } r ? Duration.FromSeconds(r) : null);

    private static CorrectionRequest Request(JobRequest job, long initial, Duration current, int correctionsSoFar) =>
        new(job, PointPrediction.Of(initial), Duration.FromSeconds(initial), current, correctionsSoFar);
}
