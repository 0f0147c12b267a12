namespace Augur.Core.Scheduling;

/// <summary>A policy asked for something the machine cannot do; the message names the policy and the job.</summary>
public sealed class InvalidDecisionException : Exception
{
    public InvalidDecisionException()
    {
    }

    public InvalidDecisionException(string message)
        : base(message)
    {
    }

    public InvalidDecisionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
