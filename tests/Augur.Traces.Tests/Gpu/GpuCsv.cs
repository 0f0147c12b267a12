using System.Text;

namespace Augur.Traces.Tests.Gpu;

/// <summary>Builds an in-memory CSV trace from lines, as the readers' stream overloads take it.</summary>
internal static class GpuCsv
{
    public static MemoryStream Of(params string[] lines) => new(Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"));
}
