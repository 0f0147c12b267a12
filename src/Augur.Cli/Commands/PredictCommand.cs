using System.CommandLine;
using System.Globalization;
using System.Text;
using Augur.Cli.Running;
using Augur.Core.Prediction;
using Augur.Core.Time;
using Augur.Prediction;
using Augur.Prediction.Evaluation;
using Augur.Reports;
using Spectre.Console;

namespace Augur.Cli.Commands;

/// <summary>
/// <c>augur predict TRACE --predictor ID [--target runtime|memory]</c>: predicts every job online, in time
/// order, and reports the errors; writes predictions.csv (docs/cli.md).
/// </summary>
public static class PredictCommand
{
    public static Command Create(CliContext context)
    {
        var traceOptions = new TraceOptions();
        var predictor = new Option<string>("--predictor") { Description = "the predictor id (see 'augur policies')", DefaultValueFactory = _ => "predictor/moe" };
        var target = new Option<string>("--target") { Description = "runtime (seconds) or memory (kilobytes, SWF field 7)", DefaultValueFactory = _ => "runtime" };
        target.AcceptOnlyFromAmong("runtime", "memory");
        var output = new Option<string?>("--out") { Description = "the folder for predictions.csv and accuracy.json (default runs/TRACE.predict.PREDICTOR)" };
        var command = new Command("predict", "Predict each job's run time (or memory) online over a trace, in time order, and report the errors.");
        traceOptions.AddTo(command);
        command.Add(predictor);
        command.Add(target);
        command.Add(output);
        command.SetAction(parsed =>
        {
            var predictorId = parsed.GetRequiredValue(predictor);
            PredictorCatalogue.Catalogue.Find(predictorId);
            var predictionTarget = parsed.GetRequiredValue(target) == "memory" ? PredictionTarget.Memory : PredictionTarget.RunTime;
            var trace = TraceLoader.Load(traceOptions.Read(parsed));
            var workload = trace.Workload.Workload;
            var setup = new PredictorSetup(job => workload.Jobs[job.Index].Outcome.RunTime, trace.Selection.Seed, trace.Processors, predictionTarget);
            IPredictor model;
            try
            {
                model = PredictorCatalogue.Create(predictorId, setup);
            }
            catch (ArgumentException exception)
            {
                throw new CommandLineFailureException(ExitCodes.Usage, exception.Message.Split(" (Parameter")[0]);
            }

            var waits = new Duration[workload.Count];
            for (var job = 0; job < waits.Length; job++)
            {
                var recorded = trace.Swf.Records[trace.Workload.RecordOfJob[job]].WaitTime;
                waits[job] = recorded > 0 ? Duration.FromSeconds(recorded) : Duration.Zero;
            }

            OnlineEvaluationResult result;
            try
            {
                result = OnlineEvaluation.Run(workload, waits, model);
            }
            finally
            {
                (model as IDisposable)?.Dispose();
            }

            if (result.Accuracy.Count == 0)
            {
                var what = predictionTarget == PredictionTarget.Memory ? "used memory (SWF field 7)" : "run times";
                throw new CommandLineFailureException(ExitCodes.BadInput, $"{trace.Swf.Path}: no job could be scored: the trace records no {what}, or {predictorId} gave no estimate for any job");
            }

            var directory = parsed.GetValue(output) ?? Path.Combine("runs", $"{trace.Name}.predict.{predictorId.Replace('/', '-')}");
            Directory.CreateDirectory(directory);
            WriteCsv(Path.Combine(directory, "predictions.csv"), workload, result);
            WriteAccuracy(Path.Combine(directory, "accuracy.json"), trace, result);
            Report(context, trace, result, directory);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteCsv(string path, Core.Jobs.Workload workload, OnlineEvaluationResult result)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        writer.Write("id,submit,actual,predicted,p10,p50,p90\n");
        for (var job = 0; job < workload.Count; job++)
        {
            var request = workload.Jobs[job].Request;
            var prediction = result.Predictions[job];
            var actual = OnlineEvaluation.Actual(workload.Jobs[job].Outcome, result.Target);
            writer.Write(string.Join(',', request.Id.ToString(CultureInfo.InvariantCulture), Formatting.Seconds(request.Submit),
                actual < 0 ? string.Empty : Formatting.Number(actual), Optional(prediction.Point), Optional(prediction.P10), Optional(prediction.P50), Optional(prediction.P90)));
            writer.Write('\n');
        }
    }

    /// <summary>The printed table as JSON: the errors, the predictor (and whether it is an oracle), the trace.</summary>
    private static void WriteAccuracy(string path, LoadedTrace trace, OnlineEvaluationResult result)
    {
        using var stream = File.Create(path);
        using var json = JsonOutput.CreateWriter(stream);
        var accuracy = result.Accuracy;
        json.WriteStartObject();
        json.WriteString("augur_version", CliContext.Version);
        json.WriteString("trace", trace.Swf.Path);
        json.WriteString("predictor", result.PredictorId);
        json.WriteBoolean("oracle", result.IsOracle);
        json.WriteString("target", result.Target == PredictionTarget.RunTime ? "runtime" : "memory");
        json.WriteNumber("jobs", trace.Workload.Workload.Count);
        json.WriteNumber("scored", accuracy.Count);
        json.WriteNumber("without_estimate", accuracy.WithoutEstimate);
        JsonOutput.WriteNumberOrNull(json, "mae", accuracy.MeanAbsoluteError);
        JsonOutput.WriteNumberOrNull(json, "median_absolute_error", accuracy.MedianAbsoluteError);
        JsonOutput.WriteNumberOrNull(json, "underprediction_rate", accuracy.UnderPredictionRate);
        JsonOutput.WriteNumberOrNull(json, "accuracy_mean", accuracy.MeanAccuracy);
        JsonOutput.WriteNumberOrNull(json, "interval_coverage", accuracy.IntervalCoverage);
        json.WriteEndObject();
    }

    private static string Optional(double value) => double.IsNaN(value) ? string.Empty : Formatting.Number(value);

    private static void Report(CliContext context, LoadedTrace trace, OnlineEvaluationResult result, string directory)
    {
        var accuracy = result.Accuracy;
        var unit = result.Target == PredictionTarget.RunTime ? "s" : "KB";
        context.Console.WriteLine($"{result.PredictorId}{(result.IsOracle ? " (ORACLE)" : string.Empty)} on {trace.Swf.Path}: {accuracy.Count} of {trace.Workload.Workload.Count} jobs scored ({(result.Target == PredictionTarget.RunTime ? "run time" : "memory")}){(accuracy.WithoutEstimate > 0 ? $"; {accuracy.WithoutEstimate} had no estimate (no request and no history)" : string.Empty)}");
        var table = new Table().Border(TableBorder.Simple);
        foreach (var column in new[] { "predictor", $"MAE ({unit})", $"median AE ({unit})", "under-predicted", "accuracy", "p10-p90 coverage" })
        {
            table.AddColumn(Markup.Escape(column));
        }

        table.AddRow(
            Markup.Escape(result.PredictorId),
            Fixed(accuracy.MeanAbsoluteError, "0.0"),
            Fixed(accuracy.MedianAbsoluteError, "0.0"),
            Fixed(accuracy.UnderPredictionRate, "0.000"),
            Fixed(accuracy.MeanAccuracy, "0.000"),
            Fixed(accuracy.IntervalCoverage, "0.000"));
        context.Console.Write(table);
        context.Console.WriteLine($"wrote {directory}/{{predictions.csv, accuracy.json}}");
    }

    private static string Fixed(double value, string format) => double.IsNaN(value) ? "-" : value.ToString(format, CultureInfo.InvariantCulture);
}
