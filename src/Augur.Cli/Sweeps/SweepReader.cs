using System.Globalization;
using Augur.Core.Identifiers;
using Augur.Policies;
using Augur.Policies.Queueing;
using Augur.Prediction;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Augur.Cli.Sweeps;

/// <summary>
/// Reads a sweep file (YAML, docs/sweep.md) and checks everything before any run starts: unknown keys, wrong
/// types, unknown ids (with "did you mean"), missing traces, batch and GPU kinds mixed. Errors name the file, the
/// line and the field. Relative trace paths are relative to the sweep file.
/// </summary>
public static partial class SweepReader
{
    private static readonly string[] TopKeys = ["traces", "policies", "orders", "predictors", "corrector", "seeds", "loads", "placements", "options", "out"];
    private static readonly string[] OptionKeys = ["filter", "procs", "jobs", "lenient", "gpus", "gpus_per_node", "nodes", "spread_slowdown", "promote_knob", "energy_weight", "power"];

    public static SweepFile Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new SweepFileException($"{path}: cannot read: {exception.Message}", exception);
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException exception)
        {
            throw new SweepFileException($"{path}:{exception.Start.Line}: not valid YAML: {exception.Message}", exception);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new SweepFileException($"{path}:1: a sweep is a mapping with at least 'traces' and 'policies'");
        }

        var reader = new Reader(path, root);
        return reader.Sweep();
    }

    private sealed partial class Reader(string path, YamlMappingNode root)
    {
        private readonly string directory = Path.GetDirectoryName(Path.GetFullPath(path))!;

        public SweepFile Sweep()
        {
            CheckKeys(root, TopKeys, string.Empty);
            var traceEntries = Strings("traces", required: true);
            var traces = traceEntries.Select(entry => Trace(entry.Node, entry.Value)).ToList();

            // The first trace sets the sweep's kind; every other trace, policy and key must be of that kind.
            var formats = GpuFormats(traceEntries, traces);
            var gpuFormat = formats[0];
            RefuseKeysOfTheOtherKind(gpuFormat);
            var policies = Strings("policies", required: true);
            foreach (var (node, value) in policies)
            {
                Policy(node, value, gpuFormat);
            }

            var predictors = Strings("predictors", required: false);
            foreach (var (node, value) in predictors)
            {
                if (value != "none")
                {
                    Predictor(node, value, gpuFormat is not null);
                }
            }

            var output = root.Children.TryGetValue(new YamlScalarNode("out"), out var outNode)
                ? Scalar(outNode, "out")
                : System.IO.Path.Combine("runs", "sweep-" + System.IO.Path.GetFileNameWithoutExtension(path));
            var sweep = new SweepFile
            {
                Path = path,
                Traces = traces,
                Policies = policies.Select(entry => entry.Value).ToList(),
                Predictors = predictors.Count == 0 ? [null] : predictors.Select(entry => entry.Value == "none" ? null : (string?)entry.Value).ToList(),
                Output = output,
            };
            return gpuFormat is null ? BatchSweep(sweep) : GpuSweep(sweep, traceEntries, formats);
        }

        private SweepFile BatchSweep(SweepFile sweep)
        {
            var orders = Strings("orders", required: false);
            foreach (var (node, value) in orders)
            {
                Check(node, "orders", () => QueueOrders.Catalogue.Find(value));
            }

            string? corrector = null;
            if (root.Children.TryGetValue(new YamlScalarNode("corrector"), out var correctorNode))
            {
                corrector = Scalar(correctorNode, "corrector");
                Check(correctorNode, "corrector", () => CorrectorCatalogue.Catalogue.Find(corrector));
            }

            var seeds = Strings("seeds", required: false).Select(entry => Integer(entry.Node, "seeds", entry.Value, 0)).ToList();
            sweep = sweep with
            {
                Orders = orders.Count == 0 ? [null] : orders.Select(entry => (string?)entry.Value).ToList(),
                Corrector = corrector,
                Seeds = seeds.Count == 0 ? [1] : seeds,
            };
            return OptionsNode() is { } options ? WithOptions(sweep, options) : sweep;
        }

        private SweepFile WithOptions(SweepFile sweep, YamlNode node)
        {
            if (node is not YamlMappingNode options)
            {
                throw Error(node, "options", $"expected a mapping ({(sweep.IsGpu ? "gpus, gpus_per_node, nodes, spread_slowdown, promote_knob, energy_weight, power, lenient" : "filter, procs, jobs, lenient")})");
            }

            CheckKeys(options, OptionKeys, "options.");
            foreach (var (keyNode, valueNode) in options.Children)
            {
                var key = ((YamlScalarNode)keyNode).Value!;
                sweep = key switch
                {
                    "filter" => sweep with { Filter = Filter(valueNode, Scalar(valueNode, "options.filter")) },
                    "procs" => sweep with { Processors = Integer(valueNode, "options.procs", Scalar(valueNode, "options.procs"), 1) },
                    "jobs" => sweep with { Jobs = Integer(valueNode, "options.jobs", Scalar(valueNode, "options.jobs"), 1) },
                    "lenient" => sweep with { Lenient = Boolean(valueNode, "options.lenient", Scalar(valueNode, "options.lenient")) },
                    _ => sweep with { Gpu = GpuOption(sweep, key, valueNode) },
                };
            }

            return sweep;
        }

        private YamlNode? OptionsNode() => root.Children.TryGetValue(new YamlScalarNode("options"), out var node) ? node : null;

        private string Filter(YamlNode node, string value)
        {
            Check(node, "options.filter", () => Augur.Traces.Filters.JobFilters.Create(value));
            return value;
        }

        private List<(YamlNode Node, string Value)> Strings(string key, bool required)
        {
            if (!root.Children.TryGetValue(new YamlScalarNode(key), out var node))
            {
                if (required)
                {
                    throw new SweepFileException($"{path}:{root.Start.Line}: field {key}: missing");
                }

                return [];
            }

            if (node is YamlScalarNode single)
            {
                return [(single, Scalar(single, key))];
            }

            if (node is not YamlSequenceNode list || list.Children.Count == 0)
            {
                throw Error(node, key, "expected a value or a non-empty list");
            }

            var values = list.Children.Select(child => (Node: child, Value: Scalar(child, key))).ToList();
            for (var i = 1; i < values.Count; i++)
            {
                // Two equal entries would be one run twice, both writing the same folder at once.
                if (values.Take(i).Any(earlier => earlier.Value == values[i].Value))
                {
                    throw Error(values[i].Node, key, $"'{values[i].Value}' is listed twice");
                }
            }

            return values;
        }

        private string Trace(YamlNode node, string value)
        {
            if (value.StartsWith(Running.TraceLoader.SyntheticPrefix, StringComparison.Ordinal))
            {
                return value;
            }

            return ExistingFile(node, "traces", value);
        }

        private string ExistingFile(YamlNode node, string field, string value)
        {
            var full = System.IO.Path.GetFullPath(System.IO.Path.Combine(directory, value));
            if (!File.Exists(full))
            {
                throw Error(node, field, $"no such file: {value} (relative paths are relative to the sweep file)");
            }

            return full;
        }

        private string Scalar(YamlNode node, string field)
        {
            if (node is not YamlScalarNode scalar || string.IsNullOrWhiteSpace(scalar.Value))
            {
                throw Error(node, field, "expected a value");
            }

            return scalar.Value;
        }

        private int Integer(YamlNode node, string field, string value, int minimum)
        {
            if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) || number < minimum)
            {
                throw Error(node, field, $"expected a whole number of at least {minimum}, found '{value}'");
            }

            return number;
        }

        private bool Boolean(YamlNode node, string field, string value) => value switch
        {
            "true" => true,
            "false" => false,
            _ => throw Error(node, field, $"expected true or false, found '{value}'"),
        };

        private void CheckKeys(YamlMappingNode mapping, string[] known, string prefix)
        {
            foreach (var key in mapping.Children.Keys)
            {
                var name = (key as YamlScalarNode)?.Value ?? string.Empty;
                if (!known.Contains(name, StringComparer.Ordinal))
                {
                    throw Error(key, prefix + name, $"unknown key; known: {string.Join(", ", known)}");
                }
            }
        }

        private void Check(YamlNode node, string field, Action validate)
        {
            try
            {
                validate();
            }
            catch (UnknownComponentException exception)
            {
                throw Error(node, field, exception.Message);
            }
            catch (CommandLineFailureException exception)
            {
                // The checks that augur simulate makes of its options, reused here: their reason, this file's place.
                throw Error(node, field, exception.Message);
            }
        }

        private SweepFileException Error(YamlNode node, string field, string reason) =>
            new($"{path}:{node.Start.Line}: field {field}: {reason}");
    }
}
