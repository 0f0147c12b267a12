namespace Augur.Core.Identifiers;

/// <summary>
/// A stable <c>family/name</c> id (<c>backfill/easy</c>, <c>trace/swf</c>) naming a policy, predictor,
/// reader or executor alike in the CLI, config files, outputs and the HTTP API.
/// </summary>
public readonly record struct ComponentId
{
    public ComponentId(string family, string name)
    {
        if (!IsValidPart(family) || !IsValidPart(name))
        {
            throw new ArgumentException($"'{family}/{name}' is not a valid id: use lowercase letters, digits, '-', '+' and '_'.");
        }

        Family = family;
        Name = name;
    }

    public string Family { get; }

    public string Name { get; }

    public static bool TryParse(string? text, out ComponentId id)
    {
        id = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == text.Length - 1 || text.IndexOf('/', slash + 1) >= 0)
        {
            return false;
        }

        var family = text[..slash];
        var name = text[(slash + 1)..];
        if (!IsValidPart(family) || !IsValidPart(name))
        {
            return false;
        }

        id = new ComponentId(family, name);
        return true;
    }

    public override string ToString() => $"{Family}/{Name}";

    private static bool IsValidPart(string? part)
    {
        if (string.IsNullOrEmpty(part))
        {
            return false;
        }

        foreach (var c in part)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '+' or '_'))
            {
                return false;
            }
        }

        return true;
    }
}
