namespace Augur.Traces.Slurm;

/// <summary>
/// Where each known column sits in a sacct <c>-P</c> file, from its header line. Columns Augur does not read
/// (End, ExitCode, JobName, ...) are allowed and ignored; a required column missing, or a column named twice,
/// stops the read at line 1.
/// </summary>
internal sealed class SacctHeader
{
    private readonly Dictionary<string, int> positions;
    private readonly string[] names;

    private SacctHeader(string[] names, Dictionary<string, int> positions, bool trailingSeparator)
    {
        this.names = names;
        this.positions = positions;
        TrailingSeparator = trailingSeparator;
    }

    /// <summary>How many fields every record must have.</summary>
    public int Count => names.Length;

    /// <summary>True for <c>sacct -p</c> output, whose every line ends with a separator.</summary>
    public bool TrailingSeparator { get; }

    public static SacctHeader Parse(string line, string displayName, long lineNumber)
    {
        if (line.Any(c => char.IsControl(c) && c != '\t') || line.Contains('\uFFFD', StringComparison.Ordinal))
        {
            throw new TraceFormatException(displayName, lineNumber, 0, null, $"header: not text (binary data?); expected the column names of '{SacctColumns.Command}'");
        }

        var trailing = line.EndsWith('|');
        var names = (trailing ? line[..^1] : line).Split('|');
        var positions = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        string? twice = null;
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = names[i].Trim();
            if (names[i].Length > 0 && !positions.TryAdd(names[i], i))
            {
                twice ??= names[i];
            }
        }

        var missing = SacctColumns.Required.Where(name => !positions.ContainsKey(name)).ToList();
        if (missing.Count > 0)
        {
            var found = CsvFields.ShowLine(line);
            throw new TraceFormatException(
                displayName,
                lineNumber,
                0,
                null,
                $"header: missing required column{(missing.Count > 1 ? "s" : string.Empty)} {string.Join(", ", missing)} (found '{found}'); write the file with '{SacctColumns.Command}'");
        }

        if (twice is not null)
        {
            throw new TraceFormatException(displayName, lineNumber, 0, null, $"header: column '{twice}' appears twice");
        }

        return new SacctHeader(names, positions, trailing);
    }

    /// <summary>The 0-based position of <paramref name="column"/>, or -1 when the file does not have it.</summary>
    public int IndexOf(string column) => positions.TryGetValue(column, out var index) ? index : -1;

    /// <summary>The column's name as the file spells it, for messages.</summary>
    public string NameAt(int index) => names[index];
}
