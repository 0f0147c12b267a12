namespace Augur.Core.Identifiers;

/// <summary>An id that no catalogue entry has; the message offers the closest known ids.</summary>
public sealed class UnknownComponentException : Exception
{
    public UnknownComponentException()
    {
    }

    public UnknownComponentException(string message)
        : base(message)
    {
    }

    public UnknownComponentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public UnknownComponentException(string kind, string requested, IReadOnlyList<string> suggestions)
        : base(FormatMessage(kind, requested, suggestions))
    {
        Requested = requested;
        Suggestions = suggestions;
    }

    public string? Requested { get; }

    public IReadOnlyList<string> Suggestions { get; } = [];

    private static string FormatMessage(string kind, string requested, IReadOnlyList<string> suggestions) =>
        suggestions.Count == 0
            ? $"unknown {kind} '{requested}'."
            : $"unknown {kind} '{requested}'; did you mean {string.Join(" or ", suggestions.Select(s => $"'{s}'"))}?";
}
