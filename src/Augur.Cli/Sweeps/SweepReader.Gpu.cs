using Augur.Cli.Commands;
using Augur.Cli.Running;
using Augur.Policies.Gpu.Placement;
using Augur.Traces.Gpu;
using YamlDotNet.RepresentationModel;

namespace Augur.Cli.Sweeps;

/// <summary>The keys of a GPU sweep: loads, placements and the fixed GPU options, with augur simulate's rules for sizing the cluster.</summary>
public static partial class SweepReader
{
    private sealed partial class Reader
    {
        private SweepFile GpuSweep(SweepFile sweep, List<(YamlNode Node, string Value)> traceEntries, List<string?> formats)
        {
            var loadEntries = Strings("loads", required: false);
            var loads = loadEntries.Select(entry => (double?)Number(entry.Node, "loads", entry.Value, minimum: 0, inclusive: false)).ToList();
            for (var i = 1; i < loads.Count; i++)
            {
                // 1 and 1.0 are written apart but are one load: one run, one folder.
                if (loads.IndexOf(loads[i]) < i)
                {
                    throw Error(loadEntries[i].Node, "loads", $"'{loadEntries[i].Value}' is load {loads[i]!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)} again");
                }
            }

            var placements = Strings("placements", required: false);
            foreach (var (node, value) in placements)
            {
                Check(node, "placements", () => PlacementCatalogue.Catalogue.Find(value));
            }

            sweep = sweep with
            {
                Gpu = new GpuSweepOptions(),
                Loads = loads.Count == 0 ? [null] : loads,
                Placements = placements.Count == 0 ? [null] : placements.Select(entry => (string?)entry.Value).ToList(),
            };
            if (OptionsNode() is { } options)
            {
                sweep = WithOptions(sweep, options);
            }

            for (var i = 0; i < formats.Count; i++)
            {
                CheckClusterSize(sweep, traceEntries[i], sweep.Traces[i], formats[i]!);
            }

            return sweep;
        }

        /// <summary>
        /// augur simulate's rules, checked before any run: a Philly trace runs on a cluster sized by a load, of
        /// options.gpus GPUs, or of the options.nodes file (one of them); an openb trace on its nodes file (given,
        /// or the one beside it), never on a load or a GPU count.
        /// </summary>
        private void CheckClusterSize(SweepFile sweep, (YamlNode Node, string Value) trace, string file, string format)
        {
            var options = sweep.Gpu!;
            var loads = root.Children.TryGetValue(new YamlScalarNode("loads"), out var loadsNode) ? loadsNode : null;
            var gpus = Option("gpus");
            var nodes = Option("nodes");
            if (Option("gpus_per_node") is { } perNode && (format == OpenbReader.FormatId || nodes is not null))
            {
                throw Error(perNode, "options.gpus_per_node", $"{trace.Value} runs on a nodes file, whose nodes have their own GPUs: options.gpus_per_node applies to clusters sized by loads or options.gpus");
            }

            if (format == OpenbReader.FormatId)
            {
                if ((loads ?? gpus) is { } sizing)
                {
                    throw Error(sizing, loads is null ? "options.gpus" : "loads", $"{trace.Value} is a trace/alibaba-openb trace, which runs on its own nodes (options.nodes or the file beside it): loads and options.gpus do not apply");
                }

                if (options.NodesFile is null)
                {
                    var sibling = string.Empty;
                    Check(trace.Node, "traces", () => sibling = GpuSimulationRunner.SiblingNodesFile(file));
                    if (!File.Exists(sibling))
                    {
                        throw Error(trace.Node, "traces", $"the GPU nodes file beside it, {sibling}, does not exist: give options.nodes");
                    }
                }

                return;
            }

            if (loads is not null && gpus is not null)
            {
                throw Error(gpus, "options.gpus", "give loads or options.gpus, not both");
            }

            if (nodes is not null && (loads ?? gpus) is { } both)
            {
                throw Error(both, loads is null ? "options.gpus" : "loads", $"{trace.Value} runs on the options.nodes file; give the cluster as options.nodes, loads or options.gpus: one of them");
            }

            if (loads is null && gpus is null && nodes is null)
            {
                throw Error(trace.Node, "loads", $"missing: {trace.Value} ({format}) needs its cluster: loads, options.gpus or options.nodes");
            }
        }

        /// <summary>One fixed GPU option, checked as augur simulate checks the option of the same name.</summary>
        private GpuSweepOptions GpuOption(SweepFile sweep, string key, YamlNode node)
        {
            var options = sweep.Gpu!;
            var field = "options." + key;
            if (key == "power")
            {
                var values = node is YamlSequenceNode list ? list.Children.Select(child => Scalar(child, field)).ToList() : [Scalar(node, field)];
                Check(node, field, () => GpuPowerOption.Parse(values));
                return options with { Power = values };
            }

            var value = Scalar(node, field);
            return key switch
            {
                "gpus" => options with { Gpus = Gpus(node, value) },
                "gpus_per_node" => options with { GpusPerNode = Integer(node, field, value, 1) },
                "nodes" => options with { NodesFile = ExistingFile(node, field, value) },
                "spread_slowdown" => options with { SpreadSlowdown = Number(node, field, value, minimum: 1, inclusive: true) },
                "promote_knob" => options with { PromoteKnob = PolicyOption(sweep, node, field, GpuSweepRequest.TiresiasId, Number(node, field, value, minimum: 0, inclusive: true)) },
                _ => options with { EnergyWeight = PolicyOption(sweep, node, field, GpuSweepRequest.EnergyTimeFairId, Weight(node, value)) },
            };
        }

        private int Gpus(YamlNode node, string value)
        {
            var gpus = Integer(node, "options.gpus", value, 1);
            Check(node, "options.gpus", () => GpuClusterSizing.CheckSize(gpus, $"options.gpus {value}"));
            return gpus;
        }

        private double Weight(YamlNode node, string value)
        {
            var weight = Number(node, "options.energy_weight", value, minimum: 0, inclusive: true);
            return weight <= 1 ? weight : throw Error(node, "options.energy_weight", $"expected a number from 0 to 1, found '{value}'");
        }

        /// <summary>A policy's own knob: refused when no policy of the sweep takes it (as simulate refuses it for another policy).</summary>
        private double PolicyOption(SweepFile sweep, YamlNode node, string field, string policy, double value) =>
            sweep.Policies.Contains(policy, StringComparer.Ordinal)
                ? value
                : throw Error(node, field, $"applies to {policy} only, and this sweep's policies are {string.Join(", ", sweep.Policies)}");

        private double Number(YamlNode node, string field, string value, double minimum, bool inclusive) =>
            GpuSimulateOptions.TryNumber(value, minimum, inclusive, out var number)
                ? number
                : throw Error(node, field, $"expected a number {GpuSimulateOptions.Bound(minimum, inclusive)}, found '{value}'");

        private YamlNode? Option(string key) =>
            OptionsNode() is YamlMappingNode options && options.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;
    }
}
