using System.Text;
using Augur.Core.Time;
using Augur.Reports;
using Augur.Reports.Summaries;
using Augur.Reports.Tables;
using Augur.Traces.Swf;

namespace Augur.Cli.Running;

/// <summary>Writes a run's folder: summary.json, jobs.csv and schedule.swf (docs/outputs.md).</summary>
public static class RunFolder
{
    public static void Write(CompletedRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var directory = run.Request.OutputDirectory;
        Directory.CreateDirectory(directory);
        var trace = run.Request.Trace;
        var description = new RunDescription
        {
            Trace = trace.Swf.Path,
            Policy = run.Request.PolicyId,
            Order = run.Request.OrderId,
            RecordsRead = trace.Swf.Records.Count,
            Skipped = trace.Swf.Skipped.Counts,
            Dropped = trace.Workload.Dropped.Counts,
            Options = Options(run.Request),
        };
        using (var summary = File.Create(Path.Combine(directory, "summary.json")))
        {
            SummaryWriter.Write(summary, description, run.Result, run.Metrics, CliContext.Version);
        }

        using (var jobs = new StreamWriter(Path.Combine(directory, "jobs.csv"), false, new UTF8Encoding(false)))
        {
            JobsCsvWriter.Write(jobs, run.Result);
        }

        using var schedule = new StreamWriter(Path.Combine(directory, "schedule.swf"), false, new UTF8Encoding(false));
        SwfWriter.Write(schedule, ScheduleHeader(run), ScheduleRecords(run));
    }

    private static Dictionary<string, string> Options(RunRequest request)
    {
        var trace = request.Trace;
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        var options = new Dictionary<string, string>
        {
            ["filter"] = trace.FilterId,
            ["processors"] = trace.Processors.ToString(invariant),
            ["lenient"] = trace.Selection.Lenient ? "true" : "false",
        };
        if (trace.IsGaia)
        {
            options["format"] = Augur.Traces.Cloud.GaiaReader.FormatId;
            options["processors_from"] = trace.Selection.Processors is null ? "widest job (the trace gives no machine size)" : "--procs";
        }

        if (trace.Selection.Trace.StartsWith(TraceLoader.SyntheticPrefix, StringComparison.Ordinal))
        {
            options["jobs"] = trace.Selection.Jobs.ToString(invariant);
            options["seed"] = trace.Selection.Seed.ToString(invariant);
        }

        if (EstimatorFactory.PredictorIdOf(request.PolicyId, request.PredictorId) is not null)
        {
            // The seed also seeds learned predictors (XGBoost), so it is part of any predicted run.
            options["seed"] = trace.Selection.Seed.ToString(invariant);
        }

        return options;
    }

    private static SwfHeader ScheduleHeader(CompletedRun run)
    {
        var source = run.Request.Trace.Swf.Header;
        var header = new SwfHeader();
        header.AddDirective("Computer", $"Augur {CliContext.Version} simulation");
        header.AddDirective("Note", $"simulated schedule of {run.Request.Trace.Swf.Path} under {run.Request.PolicyId} (order {run.Request.OrderId ?? "order/fcfs"})");
        header.AddDirective("Note", "field 3 is the simulated wait, field 4 the simulated run (cut at the requested time when killed there); jobs in submission order");
        foreach (var name in new[] { "UnixStartTime", "TimeZone", "TimeZoneString" })
        {
            if (source.Value(name) is { } value)
            {
                header.AddDirective(name, value);
            }
        }

        header.AddDirective("MaxProcs", run.Request.Trace.Processors.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return header;
    }

    private static IEnumerable<SwfRecord> ScheduleRecords(CompletedRun run)
    {
        var records = run.Request.Trace.Swf.Records;
        var recordOfJob = run.Request.Trace.Workload.RecordOfJob;
        var result = run.Result;
        for (var job = 0; job < recordOfJob.Count; job++)
        {
            var record = records[recordOfJob[job]];
            if (result.Starts[job] == Instant.MaxValue)
            {
                yield return record with { WaitTime = -1 };
                continue;
            }

            yield return record with
            {
                WaitTime = result.WaitOf(job).WholeSeconds,
                RunTime = result.RunOf(job).WholeSeconds,
            };
        }
    }
}
