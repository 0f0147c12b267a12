using System.Globalization;
using Augur.Core.Time;
using Augur.Simulation;
using Augur.Simulation.Metrics;

namespace Augur.Reports.Tables;

/// <summary>
/// Writes jobs.csv, one row per job in submission order:
/// <c>id,submit,start,end,wait,run,procs,requested_time,bsld,backfilled,user</c> (seconds; requested_time -1 when
/// unknown; start, end, wait, run and bsld empty for a job that never started; backfilled 0 or 1; user the
/// trace's user number, -1 when unknown). A run
/// that planned with a predictor adds <c>predicted,corrections</c>: the run time first planned with
/// (seconds; -1 when unbounded: no estimate and no request) and how many times the job outlived its estimate.
/// </summary>
public static class JobsCsvWriter
{
    public const string Header = "id,submit,start,end,wait,run,procs,requested_time,bsld,backfilled,user";

    public const string PredictionColumns = ",predicted,corrections";

    public static void Write(TextWriter writer, SimulationResult result)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        var prediction = result.Prediction;
        writer.Write(Header);
        if (prediction is not null)
        {
            writer.Write(PredictionColumns);
        }

        writer.Write('\n');
        var jobs = result.Workload.Jobs;
        for (var i = 0; i < jobs.Count; i++)
        {
            var request = jobs[i].Request;
            writer.Write(request.Id.ToString(CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(Formatting.Seconds(request.Submit));
            writer.Write(',');
            if (result.Starts[i] == Instant.MaxValue)
            {
                writer.Write(",,,,");
            }
            else
            {
                var wait = result.WaitOf(i);
                var run = result.RunOf(i);
                writer.Write(Formatting.Seconds(result.Starts[i]));
                writer.Write(',');
                writer.Write(Formatting.Seconds(result.Ends[i]));
                writer.Write(',');
                writer.Write(Formatting.Seconds(wait));
                writer.Write(',');
                writer.Write(Formatting.Seconds(run));
                writer.Write(',');
            }

            writer.Write(request.Processors.ToString(CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(request.HasRequestedTime ? Formatting.Seconds(request.RequestedTime) : "-1");
            writer.Write(',');
            if (result.Starts[i] != Instant.MaxValue)
            {
                writer.Write(Formatting.Number(ScheduleMetrics.BoundedSlowdown(result.WaitOf(i).TotalSeconds, result.RunOf(i).TotalSeconds)));
            }

            writer.Write(',');
            writer.Write(result.Backfilled[i] ? '1' : '0');
            writer.Write(',');
            writer.Write(request.Features.User.ToString(CultureInfo.InvariantCulture));
            if (prediction is not null)
            {
                writer.Write(',');
                var estimate = prediction.InitialEstimates[i];
                writer.Write(estimate == Duration.MaxValue ? "-1" : Formatting.Seconds(estimate));
                writer.Write(',');
                writer.Write(prediction.Corrections[i].ToString(CultureInfo.InvariantCulture));
            }

            writer.Write('\n');
        }
    }
}
