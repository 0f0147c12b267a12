namespace Augur.Reports.Html;

/// <summary>A table of a report page: a title, column names and rows of text cells.</summary>
public sealed record ReportTable(string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows);
