using Augur.Testing;
using Augur.Traces.Cloud;

namespace Augur.IntegrationTests.Cloud;

/// <summary>
/// Reads the three real GAIA job lists in <c>shared/traces/cloud</c> in place, strictly. Counts checked with
/// <c>zcat FILE | tail -n +2 | grep -c .</c>: 99,988 (Azure), 99,998 (PAI), 100,000 (Mustang); no row is invalid
/// (awk found none out of order, none with a non-integer or zero cpus, none with a length of 0 or less).
/// </summary>
public sealed class RealGaiaTraceReadingTests
{
    [Theory]
    [InlineData("gaia-azure-100k.csv.gz", 99_988, 30)]
    [InlineData("gaia-pai-100k.csv.gz", 99_998, 400)]
    [InlineData("gaia-mustang-trace-2015-100k.csv.gz", 100_000, 1_570)]
    public void Read_RealGaiaTrace_ReadsEveryJob(string file, int jobs, int widest)
    {
        var trace = GaiaReader.Read(Path.Combine(RepositoryPaths.SharedTraces, "cloud", file));

        Assert.Equal(jobs, trace.Records.Count);
        Assert.Equal(0, trace.Skipped.Total);
        Assert.Equal(widest, trace.Records.Max(job => job.Cpus));
    }
}
