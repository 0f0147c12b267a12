namespace Augur.Traces;

/// <summary>
/// Bad input in a trace file, located exactly: <c>file:line: field N (name): reason</c>. The command line
/// turns it into exit code 3.
/// </summary>
public sealed class TraceFormatException : Exception
{
    public TraceFormatException()
    {
    }

    public TraceFormatException(string message)
        : base(message)
    {
        Reason = message;
    }

    public TraceFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = message;
    }

    public TraceFormatException(string file, long line, int field, string? fieldName, string reason, Exception? innerException = null)
        : base(Format(file, line, field, fieldName, reason), innerException)
    {
        File = file;
        Line = line;
        Field = field;
        FieldName = fieldName;
        Reason = reason;
    }

    /// <summary>The file, as the user named it.</summary>
    public string? File { get; }

    /// <summary>1-based line number; 0 when the problem is the file as a whole.</summary>
    public long Line { get; }

    /// <summary>1-based field number; 0 when the problem is the record or the file as a whole.</summary>
    public int Field { get; }

    public string? FieldName { get; }

    /// <summary>The reason alone, which lenient mode counts skipped records by.</summary>
    public string? Reason { get; }

    private static string Format(string file, long line, int field, string? fieldName, string reason)
    {
        var where = line > 0 ? $"{file}:{line}" : file;
        return field > 0 ? $"{where}: field {field} ({fieldName}): {reason}" : $"{where}: {reason}";
    }
}
