namespace Augur.Prediction.Boosting;

/// <summary>
/// A dense block of features for gradient-boosted trees: one row per job, one column per feature, row after row in
/// one array (the layout XGBoost copies from). NaN marks a missing value; infinities are refused when the matrix is
/// handed to XGBoost.
/// </summary>
public sealed class BoostedTreesMatrix
{
    private readonly float[] _values;

    /// <summary>A matrix of zeros.</summary>
    public BoostedTreesMatrix(int rows, int columns)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        Rows = rows;
        Columns = columns;
        _values = new float[checked(rows * columns)];
    }

    /// <summary>Wraps <paramref name="values"/> (row-major) without copying; later changes to the array show through.</summary>
    public BoostedTreesMatrix(float[] values, int columns)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        if (values.Length % columns != 0)
        {
            throw new ArgumentException(
                $"{values.Length} values do not fill whole rows of {columns} columns.", nameof(values));
        }

        Rows = values.Length / columns;
        Columns = columns;
        _values = values;
    }

    public int Rows { get; }

    public int Columns { get; }

    /// <summary>All values, row after row.</summary>
    public ReadOnlySpan<float> Values => _values;

    public float this[int row, int column]
    {
        get => _values[Index(row, column)];
        set => _values[Index(row, column)] = value;
    }

    /// <summary>One row, writable.</summary>
    public Span<float> Row(int row)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, Rows);
        return _values.AsSpan(row * Columns, Columns);
    }

    private int Index(int row, int column)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, Rows);
        ArgumentOutOfRangeException.ThrowIfNegative(column);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, Columns);
        return (row * Columns) + column;
    }
}
