namespace Augur.Traces.Swf;

/// <summary>
/// The header comments of an SWF file: every <c>; Name: value</c> directive in order (MaxProcs, MaxNodes,
/// UnixStartTime, TimeZoneString, Note, ...), and free comment lines.
/// </summary>
public sealed class SwfHeader
{
    private readonly List<KeyValuePair<string, string>> directives = [];
    private readonly List<string> comments = [];

    public IReadOnlyList<KeyValuePair<string, string>> Directives => directives;

    public IReadOnlyList<string> Comments => comments;

    public int? MaxProcessors => IntegerOrNull("MaxProcs");

    public int? MaxNodes => IntegerOrNull("MaxNodes");

    public long? UnixStartTime => LongOrNull("UnixStartTime");

    public string? TimeZoneString => Value("TimeZoneString");

    public IEnumerable<string> Notes => directives.Where(d => d.Key == "Note").Select(d => d.Value);

    /// <summary>The machine size the header declares: MaxProcs, else MaxNodes (some logs only give nodes).</summary>
    public int? MachineProcessors => MaxProcessors is > 0 ? MaxProcessors : MaxNodes is > 0 ? MaxNodes : null;

    /// <summary>The first value of directive <paramref name="name"/>, or null.</summary>
    public string? Value(string name)
    {
        foreach (var directive in directives)
        {
            if (string.Equals(directive.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return directive.Value;
            }
        }

        return null;
    }

    public void AddDirective(string name, string value) => directives.Add(new(name, value));

    public void AddComment(string text) => comments.Add(text);

    private long? LongOrNull(string name) =>
        long.TryParse(Value(name), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;

    private int? IntegerOrNull(string name) =>
        LongOrNull(name) is { } value && value is >= int.MinValue and <= int.MaxValue ? (int)value : null;
}
