using Augur.Cli.Running;
using Augur.Policies;
using Augur.Policies.Gpu;
using Augur.Prediction;
using Augur.Prediction.Gpu;
using YamlDotNet.RepresentationModel;

namespace Augur.Cli.Sweeps;

/// <summary>The sweep's kind: all batch or all GPU, decided by its first trace; traces, policies, predictors and keys of the other kind are refused.</summary>
public static partial class SweepReader
{
    private static readonly string[] BatchOnlyKeys = ["orders", "corrector", "seeds"];
    private static readonly string[] GpuOnlyKeys = ["loads", "placements"];
    private static readonly string[] BatchOnlyOptions = ["filter", "procs", "jobs"];
    private static readonly string[] GpuOnlyOptions = ["gpus", "gpus_per_node", "nodes", "spread_slowdown", "promote_knob", "energy_weight", "power"];

    private sealed partial class Reader
    {
        /// <summary>
        /// Each trace's GPU format (<see cref="GpuTraceFormat.Detect"/>, as augur simulate recognises it), null for a
        /// batch trace (SWF, GAIA, synthetic); a trace of the other kind than the first is refused.
        /// </summary>
        private List<string?> GpuFormats(List<(YamlNode Node, string Value)> entries, List<string> traces)
        {
            var formats = new List<string?>();
            for (var i = 0; i < traces.Count; i++)
            {
                string? format = null;
                if (!traces[i].StartsWith(TraceLoader.SyntheticPrefix, StringComparison.Ordinal))
                {
                    Check(entries[i].Node, "traces", () => format = GpuTraceFormat.Detect(traces[i], explicitFormat: null));
                }

                if (i > 0 && (format is null) != (formats[0] is null))
                {
                    throw Error(entries[i].Node, "traces", $"{entries[i].Value} is {KindOf(format)} and {entries[0].Value} {KindOf(formats[0])}: a sweep is all batch or all GPU");
                }

                formats.Add(format);
            }

            return formats;
        }

        private void RefuseKeysOfTheOtherKind(string? gpuFormat)
        {
            var refused = gpuFormat is null ? GpuOnlyKeys : BatchOnlyKeys;
            var reason = gpuFormat is null
                ? "GPU sweeps only; this sweep's traces are batch traces (SWF, GAIA, synthetic)"
                : $"batch sweeps only; this sweep's traces are GPU traces ({gpuFormat})";
            foreach (var key in root.Children.Keys)
            {
                if (refused.Contains(((YamlScalarNode)key).Value, StringComparer.Ordinal))
                {
                    throw Error(key, ((YamlScalarNode)key).Value!, reason);
                }
            }

            if (OptionsNode() is YamlMappingNode options)
            {
                var refusedOptions = gpuFormat is null ? GpuOnlyOptions : BatchOnlyOptions;
                foreach (var key in options.Children.Keys)
                {
                    if (refusedOptions.Contains((key as YamlScalarNode)?.Value, StringComparer.Ordinal))
                    {
                        throw Error(key, "options." + ((YamlScalarNode)key).Value, reason);
                    }
                }
            }
        }

        /// <summary>A policy of the sweep's kind; an unknown one is answered with "did you mean" among that kind's ids, as augur simulate does.</summary>
        private void Policy(YamlNode node, string value, string? gpuFormat)
        {
            var isGpuPolicy = GpuPolicyCatalogue.Contains(value);
            var isBatchPolicy = PolicyCatalogue.Entries.Any(entry => entry.Id == value);
            if (gpuFormat is null && isGpuPolicy)
            {
                throw Error(node, "policies", $"{value} schedules GPU traces; this sweep's traces are batch traces (SWF, GAIA, synthetic)");
            }

            if (gpuFormat is not null && isBatchPolicy)
            {
                var known = string.Join(", ", GpuPolicyCatalogue.Catalogue.Entries.Select(entry => entry.Id));
                throw Error(node, "policies", $"{value} schedules batch traces; this sweep's traces are GPU traces ({gpuFormat}): use one of {known}");
            }

            Check(node, "policies", () =>
            {
                if (gpuFormat is null)
                {
                    PolicyCatalogue.Validate(value, null);
                }
                else
                {
                    GpuPolicyCatalogue.Catalogue.Find(value);
                }
            });
        }

        /// <summary>A GPU sweep's predictors are those augur simulate gives GPU runs; a batch predictor gets simulate's answer, a typo "did you mean".</summary>
        private void Predictor(YamlNode node, string value, bool gpu)
        {
            Check(node, "predictors", () =>
            {
                if (!gpu)
                {
                    PredictorCatalogue.Catalogue.Find(value);
                }
                else if (PredictorCatalogue.Catalogue.Contains(value))
                {
                    GpuSimulationRunner.CheckPredictor(value);
                }
                else
                {
                    GpuPredictorCatalogue.Catalogue.Find(value);
                }
            });
        }

        private static string KindOf(string? gpuFormat) =>
            gpuFormat is null ? "a batch trace (SWF, GAIA, synthetic)" : $"a GPU trace ({gpuFormat})";
    }
}
