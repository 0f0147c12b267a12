namespace Augur.Traces;

/// <summary>
/// Why a field (1-based column; 0 for the record as a whole) is wrong: the kind of problem, which lenient
/// mode counts by, and the full reason with the offending value, which strict mode reports.
/// </summary>
internal readonly record struct FieldFailure(int Field, string Category, string Reason)
{
    public static FieldFailure None => default;

    public bool Failed => Category is not null;
}
