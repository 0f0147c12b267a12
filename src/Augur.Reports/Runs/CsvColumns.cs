using Augur.Reports.Comparisons;

namespace Augur.Reports.Runs;

/// <summary>
/// A run file's CSV header, read strictly: the columns by name (in any order; unknown ones are ignored so that
/// newer files still read), no name twice, every required name present. Shared by the run files' readers.
/// </summary>
internal sealed class CsvColumns
{
    private readonly Dictionary<string, int> indices;

    private CsvColumns(string[] names)
    {
        Count = names.Length;
        indices = names.Select((name, index) => (name, index)).ToDictionary(pair => pair.name, pair => pair.index, StringComparer.Ordinal);
    }

    /// <summary>How many columns the header has: every row must have as many cells.</summary>
    public int Count { get; }

    /// <summary>Reads and checks the header line; an empty file's message names the first required columns.</summary>
    public static CsvColumns Read(TextReader reader, string path, IReadOnlyList<string> required)
    {
        var header = reader.ReadLine();
        if (string.IsNullOrWhiteSpace(header))
        {
            throw new RunFolderException($"{path}:1: empty file: expected the header line {string.Join(',', required.Take(2))},...");
        }

        var names = header.Split(',');
        var repeated = names.GroupBy(name => name, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1);
        if (repeated is not null)
        {
            throw new RunFolderException($"{path}:1: field {repeated.Key}: appears twice in the header");
        }

        var columns = new CsvColumns(names);
        foreach (var name in required)
        {
            if (columns.IndexOf(name) < 0)
            {
                throw new RunFolderException($"{path}:1: field {name}: missing from the header");
            }
        }

        return columns;
    }

    public int IndexOf(string name) => indices.TryGetValue(name, out var index) ? index : -1;

    /// <summary>
    /// The data lines after the header, each split into as many cells as the header has; an empty line or a
    /// line with another number of cells stops the read. <paramref name="quoted"/> reads RFC 4180 quoted cells
    /// (a text cell holding a comma or a quote) as a line's writer quoted them.
    /// </summary>
    public IEnumerable<CsvRow> Rows(TextReader reader, string path, bool quoted = false)
    {
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                throw new RunFolderException($"{path}:{lineNumber}: empty line");
            }

            var cells = quoted ? SplitQuoted(line, path, lineNumber) : line.Split(',');
            if (cells.Length != Count)
            {
                throw new RunFolderException($"{path}:{lineNumber}: {cells.Length} fields, the header has {Count}");
            }

            yield return new CsvRow(path, lineNumber, cells, this);
        }
    }

    private static string[] SplitQuoted(string line, string path, int lineNumber)
    {
        if (!line.Contains('"', StringComparison.Ordinal))
        {
            return line.Split(',');
        }

        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var i = 0;
        while (true)
        {
            if (i < line.Length && line[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= line.Length)
                    {
                        throw new RunFolderException($"{path}:{lineNumber}: a quoted field is not closed on its line");
                    }

                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"')
                        {
                            cell.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    cell.Append(line[i++]);
                }

                if (i < line.Length && line[i] != ',')
                {
                    throw new RunFolderException($"{path}:{lineNumber}: text after a closing quote in field {cells.Count + 1}");
                }
            }
            else
            {
                while (i < line.Length && line[i] != ',')
                {
                    cell.Append(line[i++]);
                }
            }

            cells.Add(cell.ToString());
            cell.Clear();
            if (i >= line.Length)
            {
                return [.. cells];
            }

            i++; // the comma
        }
    }
}
