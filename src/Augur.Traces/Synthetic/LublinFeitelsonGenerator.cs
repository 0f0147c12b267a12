using System.Globalization;
using Augur.Traces.Swf;

namespace Augur.Traces.Synthetic;

/// <summary>
/// A synthetic trace of rigid batch jobs from the Lublin–Feitelson model (JPDC 2003) with its published batch
/// parameters, plus a model of users' requested times and a Zipf choice of users, as SWF records in submit order.
/// See docs/formats/synthetic-lublin.md.
/// </summary>
public static class LublinFeitelsonGenerator
{
    public const string TraceName = "synthetic:lublin";

    // Independent streams, so that the requested-time and user models can change without moving the workload.
    private const int WorkloadStream = 0;
    private const int RequestedTimeStream = 1;
    private const int UserStream = 2;

    public static SwfTrace Generate(LublinOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        var sampler = new GammaSampler(new Random(StreamSeed(options.Seed, WorkloadStream)));
        var arrivals = new ArrivalProcess(sampler);
        var sizes = new JobSizeModel(options.Processors);
        var requestedTimes = new RequestedTimeModel(new Random(StreamSeed(options.Seed, RequestedTimeStream)));
        var users = new ZipfUserModel(new Random(StreamSeed(options.Seed, UserStream)));

        var records = new List<SwfRecord>(options.Jobs);
        var previousSubmit = 1L;
        for (var index = 0; index < options.Jobs; index++)
        {
            // The order of the draws (arrival, size, run time) is part of the seed's meaning: keep it.
            var arrival = arrivals.NextArrivalSeconds();
            var size = sizes.Next(sampler);
            var runTime = RunTimeModel.Next(sampler, size);
            var requestedTime = requestedTimes.Next(runTime);
            var user = users.Next();

            // Whole seconds, and at least 1 so that no job is submitted at the very start of the trace.
            var submit = Math.Max(previousSubmit, (long)Math.Floor(arrival));
            previousSubmit = submit;
            var number = index + 1;
            records.Add(new SwfRecord(
                JobNumber: number,
                SubmitTime: submit,
                WaitTime: -1,
                RunTime: runTime,
                AllocatedProcessors: size,
                AverageCpuTime: -1,
                UsedMemory: -1,
                RequestedProcessors: size,
                RequestedTime: requestedTime,
                RequestedMemory: -1,
                Status: 1,
                UserId: user,
                GroupId: -1,
                ExecutableNumber: -1,
                QueueNumber: 1,
                PartitionNumber: -1,
                PrecedingJobNumber: -1,
                ThinkTime: -1)
            {
                Line = number,
            });
        }

        return new SwfTrace(TraceName, CreateHeader(options), records, new SkippedRecords());
    }

    private static SwfHeader CreateHeader(LublinOptions options)
    {
        var header = new SwfHeader();
        var jobs = options.Jobs.ToString(CultureInfo.InvariantCulture);
        var processors = options.Processors.ToString(CultureInfo.InvariantCulture);
        header.AddDirective("Computer", "Augur synthetic workload");
        header.AddDirective(
            "Note",
            string.Create(CultureInfo.InvariantCulture, $"Lublin-Feitelson model (JPDC 2003), seed {options.Seed}, {options.Jobs} jobs"));
        header.AddDirective("MaxJobs", jobs);
        header.AddDirective("MaxRecords", jobs);
        header.AddDirective("MaxProcs", processors);
        header.AddDirective("MaxNodes", processors);
        header.AddDirective("UnixStartTime", "0");
        return header;
    }

    /// <summary>
    /// The seed of one stream: the user's seed and the stream number through the SplitMix64 finalizer, cut to the
    /// 31 bits <see cref="Random"/> uses. Mixing keeps neighbouring seeds' streams unrelated, and keeps seeds s and
    /// −s apart (<see cref="Random"/> would treat them alike).
    /// </summary>
    internal static int StreamSeed(int seed, int stream)
    {
        unchecked
        {
            var mixed = ((ulong)(uint)seed << 32) | (uint)stream;
            mixed += 0x9E37_79B9_7F4A_7C15UL;
            mixed = (mixed ^ (mixed >> 30)) * 0xBF58_476D_1CE4_E5B9UL;
            mixed = (mixed ^ (mixed >> 27)) * 0x94D0_49BB_1331_11EBUL;
            mixed ^= mixed >> 31;
            return (int)(mixed & int.MaxValue);
        }
    }
}
