namespace Augur.IntegrationTests.Reports;

/// <summary>The page's own account (window.augurReport): charts in the data, drawn, empty and failed, and when it was done.</summary>
public sealed record ReportStatus(int Charts, int Drawn, string[] Empty, string[] Failed, double RenderMs);
