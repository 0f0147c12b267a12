using Augur.Service.Security;

namespace Augur.Cli.Tests.Commands;

public sealed class ServiceCommandsTests
{
    [Fact]
    public void TokenCreate_ValidUser_PrintsATokenTheStoreVerifies()
    {
        using var folder = new TemporaryDirectory();
        var run = CliRun.Of("token", "create", "--user", "alice", "--admin", "--data", folder.Path);
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var token = run.Output.Trim();
        var caller = new TokenStore(Path.Combine(folder.Path, "augur.db"), TimeProvider.System).Verify(token);
        Assert.Equal(new Caller("alice", true), caller);
    }

    [Fact]
    public void TokenCreate_InvalidUser_IsAUsageError()
    {
        using var folder = new TemporaryDirectory();
        var run = CliRun.Of("token", "create", "--user", "a b", "--data", folder.Path);
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--user must be", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--policy", "backfill/esay")]
    [InlineData("--predictor", "predictor/moo")]
    [InlineData("--executor", "executor/slrum")]
    public void Serve_UnknownId_IsAUsageErrorWithASuggestion(string option, string id)
    {
        using var folder = new TemporaryDirectory();
        var run = CliRun.Of("serve", "--data", folder.Path, "--urls", "http://127.0.0.1:0", option, id);
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("did you mean", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Serve_SlurmWithoutItsConfiguration_FailsWithTheClientsReason()
    {
        using var folder = new TemporaryDirectory();
        var run = CliRun.Of("serve", "--data", folder.Path, "--urls", "http://127.0.0.1:0", "--executor", "executor/slurm", "--slurm-conf", "/nonexistent/slurm.conf", "--slurm-timeout-seconds", "2");
        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains("executor/slurm: cannot read Slurm's nodes: scontrol show nodes -o did not answer within its timeout", run.Error, StringComparison.Ordinal);
        Assert.Contains("cannot stat file /nonexistent/slurm.conf", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Serve_MalformedUrls_IsAUsageErrorNamingThem()
    {
        using var folder = new TemporaryDirectory();
        var run = CliRun.Of("serve", "--data", folder.Path, "--urls", "not-a-url");
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("cannot listen on 'not-a-url'", run.Error, StringComparison.Ordinal);
    }
}
