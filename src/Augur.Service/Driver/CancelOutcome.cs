namespace Augur.Service.Driver;

/// <summary>What a cancel request did.</summary>
public enum CancelOutcome
{
    /// <summary>The job was waiting and is now cancelled.</summary>
    Cancelled,

    /// <summary>The job was running: it has been sent SIGTERM and ends as cancelled when its process exits.</summary>
    Stopping,

    /// <summary>The job had already ended.</summary>
    AlreadyEnded,

    NotFound,
}
