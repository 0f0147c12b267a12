using Augur.Prediction.Boosting;

namespace Augur.Prediction.Tests.Boosting;

public sealed class XGBoostLibraryTests
{
    [Fact]
    public void Version_DebianPackage_IsAtLeastOneSeven()
    {
        Assert.True(XGBoostLibrary.Version >= new Version(1, 7), $"XGBoost {XGBoostLibrary.Version}");
    }

    [Fact]
    public void EnsureLoaded_SetsOpenMpWaitPolicyWhereNativeCodeSeesIt()
    {
        XGBoostLibrary.EnsureLoaded();

        // .NET's own copy of the environment still holds what the process started with: a policy the user chose
        // there must win over the binding's "passive".
        var chosen = Environment.GetEnvironmentVariable("OMP_WAIT_POLICY");

        Assert.Equal(chosen ?? "passive", NativeEnvironment.Get("OMP_WAIT_POLICY"));
    }

    [Fact]
    public void MissingMessage_SaysHowToInstall()
    {
        Assert.Contains("apt-get install libxgboost0", XGBoostLibrary.MissingMessage, StringComparison.Ordinal);
    }
}
