using System.CommandLine;
using Augur.Traces.Swf;

namespace Augur.Cli.Commands;

/// <summary><c>augur validate TRACE</c>: reads a trace and reports counts and anomalies (docs/cli.md).</summary>
public static class ValidateCommand
{
    public static Command Create(CliContext context)
    {
        var trace = new Argument<string>("trace") { Description = "an SWF file (.swf or .swf.gz)" };
        var lenient = new Option<bool>("--lenient") { Description = "skip bad records and count them instead of stopping at the first" };
        var command = new Command("validate", "Check a trace: record counts, header, and anomalies (run > request, zero processors, submits out of order, duplicate ids).")
        {
            trace,
            lenient,
        };
        command.SetAction(parsed =>
        {
            var path = parsed.GetRequiredValue(trace);
            var swf = SwfReader.Read(path, new SwfReadOptions { Lenient = parsed.GetValue(lenient) });
            var anomalies = SwfAnomalies.Inspect(swf);
            var output = context.Out;
            output.WriteLine($"{path}: {anomalies.Records} job records");
            output.WriteLine($"  MaxProcs: {swf.Header.MaxProcessors?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}, MaxNodes: {swf.Header.MaxNodes?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}, header directives: {swf.Header.Directives.Count}");
            if (anomalies.Records > 0 && anomalies.FirstSubmit <= anomalies.LastSubmit)
            {
                output.WriteLine($"  submits from {anomalies.FirstSubmit} s to {anomalies.LastSubmit} s");
            }

            foreach (var skipped in swf.Skipped.Counts)
            {
                output.WriteLine($"  skipped (bad record): {skipped.Key}: {skipped.Value} (first at {swf.Skipped.FirstExample[skipped.Key]})");
            }

            if (anomalies.Found.Total == 0)
            {
                output.WriteLine("  no anomalies");
            }

            foreach (var anomaly in anomalies.Found.Counts)
            {
                output.WriteLine($"  {anomaly.Key}: {anomaly.Value} (first at {anomalies.Found.FirstExample[anomaly.Key]})");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
