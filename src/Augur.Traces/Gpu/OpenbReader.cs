using Augur.Core.Resources;
using Augur.Traces.Swf;

namespace Augur.Traces.Gpu;

/// <summary>
/// <c>trace/alibaba-openb</c>: reads the pods and the nodes (GPU nodes, and CPU-only nodes with gpu 0 and
/// no model) of Alibaba's openb trace
/// (<c>alibaba-openb-2023-pods.csv.gz</c>, <c>alibaba-openb-2023-gpu-nodes.csv.gz</c>). Strict by default;
/// see docs/formats/alibaba-openb.md for the checks.
/// </summary>
public static class OpenbReader
{
    public const string FormatId = "trace/alibaba-openb";

    /// <summary>Thousandths of a GPU in a whole GPU.</summary>
    public const int WholeGpuMilli = 1000;

    internal static readonly CsvColumns PodColumns = new(
        "name", "cpu_milli", "memory_mib", "num_gpu", "gpu_milli", "gpu_spec", "qos", "pod_phase", "creation_time", "deletion_time", "scheduled_time");

    internal static readonly CsvColumns NodeColumns = new("sn", "cpu_milli", "memory_mib", "gpu", "model");

    /// <summary>Bounds that no real machine reaches: a larger value is a corrupt field.</summary>
    private const long MaxCount = 1_000_000_000;

    private const int MaxGpus = 1_000_000;

    public static GpuTrace<OpenbPod> ReadPods(string path, GpuReadOptions? options = null) =>
        CsvTraceReader.Read<OpenbPod>(path, PodColumns, ParsePod, options);

    public static GpuTrace<OpenbPod> ReadPods(Stream stream, string displayName, GpuReadOptions? options = null) =>
        CsvTraceReader.Read<OpenbPod>(stream, displayName, PodColumns, ParsePod, options);

    public static GpuTrace<OpenbNode> ReadNodes(string path, GpuReadOptions? options = null) =>
        CsvTraceReader.Read<OpenbNode>(path, NodeColumns, ParseNode, options);

    public static GpuTrace<OpenbNode> ReadNodes(Stream stream, string displayName, GpuReadOptions? options = null) =>
        CsvTraceReader.Read<OpenbNode>(stream, displayName, NodeColumns, ParseNode, options);

    private static FieldFailure ParsePod(string[] fields, long line, out OpenbPod record)
    {
        record = null!;
        var failure = CsvFields.Text(fields[0], 1);
        if (!failure.Failed)
        {
            failure = CsvFields.WholeNumber(fields[1], 2, 0, MaxCount, out var cpu);
            if (failure.Failed)
            {
                return failure;
            }

            failure = CsvFields.WholeNumber(fields[2], 3, 0, MaxCount, out var memory);
            if (failure.Failed)
            {
                return failure;
            }

            failure = CsvFields.WholeNumber(fields[3], 4, 0, MaxGpus, out var gpus);
            if (failure.Failed)
            {
                return failure;
            }

            failure = CsvFields.WholeNumber(fields[4], 5, 0, WholeGpuMilli, out var milli);
            if (failure.Failed)
            {
                return failure.Category == "number too large"
                    ? new FieldFailure(5, "more than one GPU", $"more than one GPU: '{CsvFields.Show(fields[4])}' (gpu_milli is at most {WholeGpuMilli})")
                    : failure;
            }

            failure = CheckShare(gpus, milli);
            if (failure.Failed)
            {
                return failure;
            }

            failure = ParseGpuSpec(fields[5], out var models);
            if (!failure.Failed)
            {
                failure = CsvFields.Text(fields[6], 7);
            }

            if (failure.Failed)
            {
                return failure;
            }

            OpenbPodPhase? parsed = fields[7] switch
            {
                "Pending" => OpenbPodPhase.Pending,
                "Running" => OpenbPodPhase.Running,
                "Succeeded" => OpenbPodPhase.Succeeded,
                "Failed" => OpenbPodPhase.Failed,
                _ => null,
            };
            if (parsed is not { } phase)
            {
                return new FieldFailure(8, "unknown phase", $"unknown phase: '{CsvFields.Show(fields[7])}' (Pending, Running, Succeeded or Failed)");
            }

            failure = ParseTimes(fields, phase, out var creation, out var deletion, out var scheduled);
            if (failure.Failed)
            {
                return failure;
            }

            record = new OpenbPod(line, fields[0], cpu, memory, (int)gpus, (int)milli, models, fields[6], phase, creation, deletion, scheduled);
        }

        return failure;
    }

    /// <summary>
    /// Column gpu_spec: empty (any model), or the acceptable models separated by <c>|</c>, each non-empty, without
    /// blanks around it and given once.
    /// </summary>
    private static FieldFailure ParseGpuSpec(string text, out GpuModelSet? models)
    {
        models = null;
        if (text.Length == 0)
        {
            return FieldFailure.None;
        }

        var failure = CsvFields.Text(text, 6);
        if (failure.Failed)
        {
            return failure;
        }

        var alternatives = text.Split('|');
        for (var i = 0; i < alternatives.Length; i++)
        {
            var alternative = alternatives[i];
            if (alternative.Length == 0)
            {
                return new FieldFailure(6, "empty alternative", $"empty alternative: '{CsvFields.Show(text)}' (models are separated by a single '|')");
            }

            if (alternative.Trim().Length != alternative.Length)
            {
                return new FieldFailure(6, "blank around an alternative", $"blank around an alternative: '{CsvFields.Show(alternative)}' in '{CsvFields.Show(text)}'");
            }

            if (Array.IndexOf(alternatives, alternative, 0, i) >= 0)
            {
                return new FieldFailure(6, "repeated alternative", $"repeated alternative: '{CsvFields.Show(alternative)}' in '{CsvFields.Show(text)}'");
            }
        }

        models = GpuModelSet.Of(alternatives);
        return FieldFailure.None;
    }

    /// <summary>Whole GPUs are asked for at 1000 milli each; only a single GPU may be shared.</summary>
    private static FieldFailure CheckShare(long gpus, long milli)
    {
        if (gpus == 0 && milli != 0)
        {
            return new FieldFailure(5, "share without a GPU", $"share without a GPU: gpu_milli {milli} with num_gpu 0");
        }

        if (gpus > 0 && milli == 0)
        {
            return new FieldFailure(5, "GPU without a share", $"GPU without a share: gpu_milli 0 with num_gpu {gpus}");
        }

        if (gpus > 1 && milli != WholeGpuMilli)
        {
            return new FieldFailure(5, "fraction of several GPUs", $"fraction of several GPUs: gpu_milli {milli} with num_gpu {gpus} (only one GPU may be shared)");
        }

        return FieldFailure.None;
    }

    private static FieldFailure ParseTimes(string[] fields, OpenbPodPhase phase, out long creation, out long deletion, out long? scheduled)
    {
        scheduled = null;
        deletion = 0;
        var failure = CsvFields.WholeNumber(fields[8], 9, 0, SwfField.MaxSeconds, out creation);
        if (failure.Failed)
        {
            return failure;
        }

        failure = CsvFields.WholeNumber(fields[9], 10, 0, SwfField.MaxSeconds, out deletion);
        if (failure.Failed)
        {
            return failure;
        }

        if (deletion < creation)
        {
            return new FieldFailure(10, "deleted before created", $"deleted before created: {deletion} < creation_time {creation}");
        }

        if (phase == OpenbPodPhase.Pending)
        {
            // A pending pod was never placed: a scheduled time would contradict its phase.
            return fields[10].Length == 0
                ? FieldFailure.None
                : new FieldFailure(11, "scheduled but pending", $"scheduled but pending: '{CsvFields.Show(fields[10])}'");
        }

        failure = CsvFields.WholeNumber(fields[10], 11, 0, SwfField.MaxSeconds, out var placed);
        if (failure.Failed)
        {
            return failure;
        }

        if (placed < creation || placed > deletion)
        {
            return new FieldFailure(11, "scheduled outside the pod's life", $"scheduled outside the pod's life: {placed} not in [{creation}, {deletion}]");
        }

        scheduled = placed;
        return FieldFailure.None;
    }

    private static FieldFailure ParseNode(string[] fields, long line, out OpenbNode record)
    {
        record = null!;
        var failure = CsvFields.Text(fields[0], 1);
        if (failure.Failed)
        {
            return failure;
        }

        failure = CsvFields.WholeNumber(fields[1], 2, 0, MaxCount, out var cpu);
        if (failure.Failed)
        {
            return failure;
        }

        failure = CsvFields.WholeNumber(fields[2], 3, 0, MaxCount, out var memory);
        if (failure.Failed)
        {
            return failure;
        }

        failure = CsvFields.WholeNumber(fields[3], 4, 0, MaxGpus, out var gpus);
        if (failure.Failed)
        {
            return failure;
        }

        // A CPU-only node (gpu 0) has no GPU model: openb's all-node list leaves the column empty for it.
        failure = gpus == 0 && fields[4].Length == 0 ? FieldFailure.None : CsvFields.Text(fields[4], 5);
        if (failure.Failed)
        {
            return failure.Category == "missing value"
                ? new FieldFailure(5, "missing value", $"missing value: a node with {gpus} GPUs names their model")
                : failure;
        }

        record = new OpenbNode(line, fields[0], cpu, memory, (int)gpus, fields[4]);
        return FieldFailure.None;
    }
}
