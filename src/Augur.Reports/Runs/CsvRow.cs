using System.Globalization;
using Augur.Reports.Comparisons;

namespace Augur.Reports.Runs;

/// <summary>One data line of a run file's CSV: its cells by column name, parsed strictly, each error naming the file, line and field.</summary>
internal readonly struct CsvRow(string path, int line, string[] cells, CsvColumns columns)
{
    public bool Has(string name) => columns.IndexOf(name) >= 0;

    public bool IsEmpty(string name) => cells[columns.IndexOf(name)].Length == 0;

    public string Text(string name) => cells[columns.IndexOf(name)];

    public RunFolderException Error(string name, string reason) =>
        new($"{path}:{line}: field {name}: {reason}");

    public double Number(string name, double minimum)
    {
        var text = cells[columns.IndexOf(name)];
        if (text.Length == 0)
        {
            throw Error(name, "empty");
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw Error(name, $"'{text}' is not a number");
        }

        if (value < minimum)
        {
            throw Error(name, $"{text} is below {minimum.ToString(CultureInfo.InvariantCulture)}");
        }

        return value;
    }

    public long Integer(string name, long minimum = long.MinValue, long maximum = long.MaxValue)
    {
        var text = cells[columns.IndexOf(name)];
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw Error(name, text.Length == 0 ? "empty" : $"'{text}' is not a whole number");
        }

        if (value < minimum || value > maximum)
        {
            throw Error(name, $"{text} is out of range [{minimum.ToString(CultureInfo.InvariantCulture)}, {maximum.ToString(CultureInfo.InvariantCulture)}]");
        }

        return value;
    }

    /// <summary>Fails unless <paramref name="value"/> is <paramref name="expected"/> within the writer's six decimals.</summary>
    public void Agrees(string name, double value, double expected, string what)
    {
        if (Math.Abs(value - expected) > 1e-6)
        {
            throw Error(name, $"{value.ToString(CultureInfo.InvariantCulture)} is not {what} ({expected.ToString(CultureInfo.InvariantCulture)})");
        }
    }
}
