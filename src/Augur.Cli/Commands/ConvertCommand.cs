using System.CommandLine;
using System.Text;
using Augur.Traces;
using Augur.Traces.Slurm;
using Augur.Traces.Swf;

namespace Augur.Cli.Commands;

/// <summary>
/// <c>augur convert sacct FILE</c>: turns a site's own accounting history (<c>sacct -P</c> output) into SWF
/// that <c>augur simulate</c> replays, with a side CSV mapping SWF job numbers back to Slurm job ids
/// (docs/formats/sacct.md).
/// </summary>
public static class ConvertCommand
{
    public static Command Create(CliContext context) =>
        new("convert", "Convert another format into SWF.")
        {
            CreateSacct(context),
        };

    private static Command CreateSacct(CliContext context)
    {
        var file = new Argument<string>("file") { Description = $"sacct output, plain or gzip, written by '{SacctColumns.Command}'" };
        var output = new Option<string?>("--out") { Description = "the SWF file to write (standard output when absent)" };
        var map = new Option<string?>("--map") { Description = "the CSV mapping SWF job numbers to Slurm job ids (default: next to --out, OUT.map.csv)" };
        var lenient = new Option<bool>("--lenient") { Description = "skip bad records and count them by reason instead of stopping at the first" };
        var zone = new Option<string>("--time-zone")
        {
            Description = "the time zone sacct printed its times in (the cluster's), an IANA id such as Europe/Berlin",
            DefaultValueFactory = _ => "UTC",
        };
        var processors = WholeNumberOption.CreateOptional("--procs", "the machine's processors, written as MaxProcs (default: the peak CPUs in use at once)", minimum: 1);
        var command = new Command("sacct", "Convert Slurm accounting (sacct -P) output into SWF.")
        {
            file,
            output,
            map,
            lenient,
            zone,
            processors,
        };
        command.SetAction(parsed =>
        {
            var options = new SacctReadOptions { Lenient = parsed.GetValue(lenient), TimeZone = FindZone(parsed.GetValue(zone) ?? "UTC") };
            var path = parsed.GetRequiredValue(file);
            var trace = SacctReader.Read(path, options);
            var conversion = SacctToSwf.Convert(trace, parsed.GetValue(processors));
            var outPath = parsed.GetValue(output);
            var mapPath = parsed.GetValue(map) ?? (outPath is null ? null : MapPathFor(outPath));
            if (outPath is null)
            {
                SwfWriter.Write(context.Out, conversion.Header, conversion.Records);
            }
            else
            {
                using var writer = new StreamWriter(outPath, false, new UTF8Encoding(false));
                SwfWriter.Write(writer, conversion.Header, conversion.Records);
            }

            if (mapPath is not null)
            {
                using var writer = new StreamWriter(mapPath, false, new UTF8Encoding(false));
                SacctJobMap.Write(writer, conversion);
            }

            Report(context.Error, trace, conversion, outPath, mapPath);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>An IANA time-zone id (or UTC); an unknown one is a usage error.</summary>
    private static TimeZoneInfo FindZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception exception) when (exception is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new CommandLineFailureException(ExitCodes.Usage, $"unknown time zone '{id}': give an IANA id such as UTC or Europe/Berlin");
        }
    }

    /// <summary><c>history.swf</c> → <c>history.map.csv</c>; any other name gains <c>.map.csv</c>.</summary>
    public static string MapPathFor(string swfPath)
    {
        ArgumentNullException.ThrowIfNull(swfPath);
        var stem = swfPath.EndsWith(".swf", StringComparison.OrdinalIgnoreCase) ? swfPath[..^4] : swfPath;
        return stem + ".map.csv";
    }

    private static void Report(TextWriter error, SacctTrace trace, SacctConversion conversion, string? outPath, string? mapPath)
    {
        error.WriteLine($"converted {conversion.Records.Count} jobs from {trace.Path} ({trace.Steps} step lines read for MaxRSS)");
        WriteCounts(error, "dropped", "records that cannot be replayed", trace.Dropped);
        WriteCounts(error, "skipped", "bad records", trace.Skipped);
        if (outPath is not null)
        {
            error.WriteLine($"wrote {outPath}");
        }

        if (mapPath is not null)
        {
            error.WriteLine($"wrote {mapPath}");
        }
    }

    private static void WriteCounts(TextWriter error, string verb, string what, SkippedRecords records)
    {
        if (records.Total > 0)
        {
            error.WriteLine($"{verb} {records.Total} {what}: {string.Join("; ", records.Counts.Select(pair => $"{pair.Key}: {pair.Value}"))}");
        }
    }
}
