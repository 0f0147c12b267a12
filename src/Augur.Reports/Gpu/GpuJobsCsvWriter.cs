using System.Globalization;
using Augur.Simulation.Gpu;

namespace Augur.Reports.Gpu;

/// <summary>
/// Writes a GPU run's jobs.csv, one row per job in submission order:
/// <c>id,submit,start,end,wait,jct,run,trace_run,gpus,gpu_milli,nodes,slowed,group,energy_joules</c> (seconds; start, end,
/// wait, jct and run empty for a job that never started; end, jct and run empty for one preempted and never resumed; start is the first start, run the end minus it
/// (a preempted job's gaps and restores included), trace_run the trace's run time; gpu_milli the share of each GPU, 1000 for whole GPUs; nodes the nodes the job spanned; slowed 1
/// when the cross-node slowdown applied); energy_joules the joules the job was charged (its share of each GPU at full-load power, over all its runs; 0 if it never started).
/// </summary>
public static class GpuJobsCsvWriter
{
    public const string Header = "id,submit,start,end,wait,jct,run,trace_run,gpus,gpu_milli,nodes,slowed,group,energy_joules";

    public static void Write(TextWriter writer, GpuSimulationResult result)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        writer.Write(Header);
        writer.Write('\n');
        var jobs = result.Workload.Jobs;
        for (var i = 0; i < jobs.Count; i++)
        {
            var request = jobs[i].Request;
            writer.Write(Text(request.Id));
            writer.Write(',');
            writer.Write(Formatting.Seconds(request.Submit));
            writer.Write(',');
            if (result.Started(i))
            {
                var finished = result.Finished(i);
                writer.Write(Formatting.Seconds(result.Starts[i]));
                writer.Write(',');
                if (finished)
                {
                    writer.Write(Formatting.Seconds(result.Ends[i]));
                }

                writer.Write(',');
                writer.Write(Formatting.Seconds(result.WaitOf(i)));
                writer.Write(',');
                if (finished)
                {
                    writer.Write(Formatting.Seconds(result.CompletionTimeOf(i)));
                    writer.Write(',');
                    writer.Write(Formatting.Seconds(result.RunOf(i)));
                }
                else
                {
                    writer.Write(',');
                }
            }
            else
            {
                writer.Write(",,,,");
            }

            writer.Write(',');
            writer.Write(Formatting.Seconds(jobs[i].RunTime));
            writer.Write(',');
            writer.Write(request.Resources.Gpus.ToString(CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(request.Resources.GpuMilli.ToString(CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(result.NodesSpanned[i].ToString(CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(result.Slowed[i] ? '1' : '0');
            writer.Write(',');
            writer.Write(Text(request.Group));
            writer.Write(',');
            writer.Write(Formatting.Number(result.EnergyJoules[i]));
            writer.Write('\n');
        }
    }

    /// <summary>A text field, quoted (RFC 4180) only when it holds a comma, a quote or a line break.</summary>
    private static string Text(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") < 0 ? value : $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
