namespace Augur.Traces.Gpu;

/// <summary>The header a CSV trace must start with, and its column names by 1-based number, as errors report them.</summary>
internal sealed class CsvColumns
{
    private readonly string[] names;

    public CsvColumns(params string[] names)
    {
        this.names = names;
        Header = string.Join(',', names);
    }

    public int Count => names.Length;

    public string Header { get; }

    public string NameOf(int field) => field >= 1 && field <= names.Length ? names[field - 1] : "extra field";
}
