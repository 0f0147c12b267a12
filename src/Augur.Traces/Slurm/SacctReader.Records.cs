namespace Augur.Traces.Slurm;

public static partial class SacctReader
{
    /// <summary>
    /// Reads one record into <paramref name="state"/>: a job is kept, or dropped with
    /// <paramref name="droppedBecause"/>; a step raises its job's MaxRSS. Returns the failure of a bad record.
    /// </summary>
    private static FieldFailure ReadRecord(string text, long lineNumber, SacctHeader header, ReadState state, out string? droppedBecause)
    {
        droppedBecause = null;
        var fields = text.Split('|');
        var count = header.TrailingSeparator && fields.Length > 0 && fields[^1].Length == 0 ? fields.Length - 1 : fields.Length;
        if (count != header.Count)
        {
            return new FieldFailure(0, "wrong field count", $"wrong field count: expected {header.Count}, found {count}");
        }

        var row = new Row(fields, header);
        var failure = SacctJobId.Parse(row.Text(SacctColumns.JobId), row.Field(SacctColumns.JobId), out var id);
        if (failure.Failed)
        {
            return failure;
        }

        if (id.IsStep)
        {
            return ReadStep(row, id, state);
        }

        // Until the record proves good, its steps have nothing to attach to.
        state.IndexOfJob[id.Job] = NotKept;
        failure = SacctState.Parse(row.Text(SacctColumns.State), row.Field(SacctColumns.State), out var stateName, out var swfStatus);
        if (failure.Failed)
        {
            return failure;
        }

        if (swfStatus is not { } status)
        {
            droppedBecause = $"not finished: {stateName}";
            return FieldFailure.None;
        }

        failure = ReadTimes(row, state.Zone, out var submit, out var start, out var run);
        if (failure.Failed)
        {
            return failure;
        }

        if (start is null)
        {
            droppedBecause = $"never started: {stateName}";
            return FieldFailure.None;
        }

        failure = ReadSize(row, out var cpus, out var requestedCpus, out var limit);
        if (failure.Failed)
        {
            return failure;
        }

        failure = ReadMemory(row, cpus, out var requestedMemory, out var maxRss);
        if (failure.Failed)
        {
            return failure;
        }

        state.IndexOfJob[id.Job] = state.Jobs.Count;
        state.Jobs.Add(new SacctJob(
            row.Text(SacctColumns.JobId), submit, start.Value, run, cpus, requestedCpus, limit, requestedMemory, maxRss,
            stateName, status, row.Name(SacctColumns.User), row.Name(SacctColumns.Group), row.Name(SacctColumns.Account), row.Name(SacctColumns.Partition))
        { Line = lineNumber });
        return FieldFailure.None;
    }

    /// <summary>A step (<c>123.batch</c>, <c>123.0</c>): only its MaxRSS is read, into its job's.</summary>
    private static FieldFailure ReadStep(Row row, SacctJobId id, ReadState state)
    {
        state.Steps++;
        if (!state.IndexOfJob.TryGetValue(id.Job, out var index))
        {
            return new FieldFailure(row.Field(SacctColumns.JobId), "step without its job", $"step without its job: no record of job {id.Job} before '{CsvFields.Show(row.Text(SacctColumns.JobId))}'");
        }

        var failure = OptionalMemory(row, SacctColumns.MaxRss, allowScope: false, out var rss, out _);
        if (failure.Failed || index == NotKept || rss < 0)
        {
            return failure;
        }

        var job = state.Jobs[index];
        if (rss > job.MaxRssKilobytes)
        {
            state.Jobs[index] = job with { MaxRssKilobytes = rss };
        }

        return FieldFailure.None;
    }

    private static FieldFailure ReadTimes(Row row, TimeZoneInfo zone, out long submit, out long? start, out long run)
    {
        submit = 0;
        run = 0;
        var failure = SacctFields.Timestamp(row.Text(SacctColumns.Submit), row.Field(SacctColumns.Submit), zone, out var submitted);
        if (failure.Failed)
        {
            start = null;
            return failure;
        }

        if (submitted is not { } submitSeconds)
        {
            start = null;
            return new FieldFailure(row.Field(SacctColumns.Submit), "no submit time", $"no submit time: '{row.Text(SacctColumns.Submit)}'");
        }

        submit = submitSeconds;
        failure = SacctFields.Timestamp(row.Text(SacctColumns.Start), row.Field(SacctColumns.Start), zone, out start);
        if (failure.Failed || start is null)
        {
            return failure;
        }

        if (start < submit)
        {
            return new FieldFailure(row.Field(SacctColumns.Start), "start before submit", $"start before submit: '{row.Text(SacctColumns.Start)}' is earlier than '{row.Text(SacctColumns.Submit)}'");
        }

        return SacctFields.Duration(row.Text(SacctColumns.Elapsed), row.Field(SacctColumns.Elapsed), out run);
    }

    private static FieldFailure ReadSize(Row row, out long cpus, out long requestedCpus, out long limit)
    {
        requestedCpus = -1;
        limit = -1;
        var failure = CsvFields.WholeNumber(row.Text(SacctColumns.AllocCpus), row.Field(SacctColumns.AllocCpus), 0, int.MaxValue, out cpus);
        if (failure.Failed)
        {
            return failure;
        }

        if (cpus == 0)
        {
            return new FieldFailure(row.Field(SacctColumns.AllocCpus), "no CPUs", "no CPUs allocated to a job that started");
        }

        failure = SacctFields.TimeLimit(row.Text(SacctColumns.Timelimit), row.Field(SacctColumns.Timelimit), out var limitSeconds);
        if (failure.Failed)
        {
            return failure;
        }

        limit = limitSeconds ?? -1;
        if (row.Has(SacctColumns.ReqCpus) && row.Text(SacctColumns.ReqCpus).Length > 0)
        {
            return CsvFields.WholeNumber(row.Text(SacctColumns.ReqCpus), row.Field(SacctColumns.ReqCpus), 0, int.MaxValue, out requestedCpus);
        }

        return FieldFailure.None;
    }

    /// <summary>ReqMem as kilobytes per allocated CPU (rounded to whole kilobytes), and MaxRSS, each -1 when unknown.</summary>
    private static FieldFailure ReadMemory(Row row, long cpus, out double requestedPerCpu, out double maxRss)
    {
        requestedPerCpu = -1;
        var failure = OptionalMemory(row, SacctColumns.MaxRss, allowScope: false, out maxRss, out _);
        if (failure.Failed)
        {
            return failure;
        }

        failure = OptionalMemory(row, SacctColumns.ReqMem, allowScope: true, out var requested, out var scope);
        if (failure.Failed || requested < 0)
        {
            return failure;
        }

        switch (scope)
        {
            case 'c':
                requestedPerCpu = Math.Round(requested);
                return FieldFailure.None;
            case 'n':
                var nodesText = row.Has(SacctColumns.NNodes) ? row.Text(SacctColumns.NNodes) : string.Empty;
                if (nodesText.Length == 0)
                {
                    return new FieldFailure(row.Field(SacctColumns.ReqMem), "per-node memory without NNodes", $"per-node memory '{row.Text(SacctColumns.ReqMem)}' needs the NNodes column");
                }

                failure = CsvFields.WholeNumber(nodesText, row.Field(SacctColumns.NNodes), 1, int.MaxValue, out var nodes);
                requestedPerCpu = Math.Round(requested * nodes / cpus);
                return failure;
            default:
                requestedPerCpu = Math.Round(requested / cpus);
                return FieldFailure.None;
        }
    }

    /// <summary>A memory column that may be absent or empty (then -1).</summary>
    private static FieldFailure OptionalMemory(Row row, string column, bool allowScope, out double kilobytes, out char scope)
    {
        kilobytes = -1;
        scope = ' ';
        if (!row.Has(column) || row.Text(column).Length == 0)
        {
            return FieldFailure.None;
        }

        return SacctFields.Memory(row.Text(column), row.Field(column), allowScope, out kilobytes, out scope);
    }

    /// <summary>One record's fields, looked up by column name.</summary>
    private readonly struct Row(string[] fields, SacctHeader header)
    {
        public bool Has(string column) => header.IndexOf(column) >= 0;

        public string Text(string column) => fields[header.IndexOf(column)];

        /// <summary>The column's 1-based number, as errors report it.</summary>
        public int Field(string column) => header.IndexOf(column) + 1;

        /// <summary>A name column (User, Group, Account, Partition), null when absent or empty.</summary>
        public string? Name(string column) => Has(column) && Text(column).Length > 0 ? Text(column) : null;
    }
}
