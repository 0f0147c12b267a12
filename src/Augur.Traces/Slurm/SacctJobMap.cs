using System.Globalization;

namespace Augur.Traces.Slurm;

/// <summary>
/// Writes the side file that ties each SWF job number back to its Slurm job: CSV with the header
/// <c>swf_job,slurm_job_id,user,group,account,partition,state,line</c> (names empty when sacct had none).
/// </summary>
public static class SacctJobMap
{
    public const string Header = "swf_job,slurm_job_id,user,group,account,partition,state,line";

    public static void Write(TextWriter writer, SacctConversion conversion)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(conversion);
        writer.Write(Header);
        writer.Write('\n');
        for (var i = 0; i < conversion.Sources.Count; i++)
        {
            var job = conversion.Sources[i];
            writer.Write(string.Join(
                ',',
                (i + 1).ToString(CultureInfo.InvariantCulture),
                Quote(job.SlurmJobId),
                Quote(job.User),
                Quote(job.Group),
                Quote(job.Account),
                Quote(job.Partition),
                job.State,
                job.Line.ToString(CultureInfo.InvariantCulture)));
            writer.Write('\n');
        }
    }

    /// <summary>RFC 4180 quoting, only where a value needs it (names are site-defined text).</summary>
    private static string Quote(string? value)
    {
        if (value is null)
        {
            return string.Empty;
        }

        return value.AsSpan().IndexOfAny(",\"\n\r") < 0 ? value : $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
    }
}
