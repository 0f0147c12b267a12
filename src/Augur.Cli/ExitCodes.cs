namespace Augur.Cli;

/// <summary>The process exit codes, documented in docs/cli.md.</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>An internal error, or a policy that made an invalid decision (a bug in the policy).</summary>
    public const int Failure = 1;

    /// <summary>The command line is wrong: unknown command, option or id, a bad value.</summary>
    public const int Usage = 2;

    /// <summary>The input is wrong: a malformed trace, a missing file, a trace without a machine size.</summary>
    public const int BadInput = 3;
}
