using Augur.Core.Prediction;
using Augur.Core.Time;

namespace Augur.Core.Tests.Prediction;

/// <summary>A corrector that always answers <paramref name="answer"/> and remembers what it was asked.</summary>
internal sealed class FixedCorrector(Duration answer) : ICorrector
{
    public string Id => "corrector/test-fixed";

    public CorrectionRequest? LastRequest { get; private set; }

    public Duration Correct(in CorrectionRequest request)
    {
        LastRequest = request;
        return answer;
    }
}
