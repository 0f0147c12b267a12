namespace Augur.Prediction.Boosting;

/// <summary>XGBoost refused a call; the message names the C function and repeats XGBoost's own reason.</summary>
public sealed class XGBoostException : Exception
{
    public XGBoostException()
    {
    }

    public XGBoostException(string message)
        : base(message)
    {
    }

    public XGBoostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
