using Augur.Core.Jobs;
using Augur.Core.Time;

namespace Augur.Simulation.Gpu;

/// <summary>
/// Accumulates <see cref="GpuWindowedFairness"/> as a GPU run goes. Per user it keeps arrays of the jobs waiting
/// and running, the GPUs (thousandths) and watts its running jobs hold, and what it received in the current
/// window. A user's GPU time and energy are added lazily: up to an instant whenever its running jobs change, and up
/// to the window's end when the window closes, so an event costs O(1) and a window O(users). A closed window is
/// folded into running sums at once; nothing per window is kept. Windows during which nobody waits are skipped in
/// one step (no user can contend in them).
/// </summary>
internal sealed class GpuFairnessWindows
{
    private readonly long window;
    private readonly int[] userOfJob;
    private readonly int[] waitingJobs;
    private readonly long[] waitingSince;
    private readonly long[] contendedIn;
    private readonly int[] runningJobs;
    private readonly long[] runningMilli;
    private readonly double[] runningWatts;
    private readonly long[] countedUntil;
    private readonly double[] gpuSeconds;
    private readonly double[] joules;
    private int totalWaiting;
    private bool begun;
    private long windowIndex;
    private long windowStart;
    private long windowEnd;
    private double gpuIndexSum;
    private int gpuWindows;
    private double energyIndexSum;
    private int energyWindows;

    /// <param name="workload">The jobs; a job's user is its group.</param>
    /// <param name="window">The length of a window; positive.</param>
    public GpuFairnessWindows(GpuWorkload workload, Duration window)
    {
        if (window <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(window), window, "A fairness window must be longer than 0.");
        }

        this.window = window.Microseconds;
        var users = new Dictionary<string, int>(StringComparer.Ordinal);
        userOfJob = new int[workload.Count];
        for (var i = 0; i < workload.Count; i++)
        {
            var group = workload.Jobs[i].Request.Group;
            if (!users.TryGetValue(group, out var user))
            {
                user = users.Count;
                users[group] = user;
            }

            userOfJob[i] = user;
        }

        var count = users.Count;
        waitingJobs = new int[count];
        waitingSince = new long[count];
        contendedIn = new long[count];
        Array.Fill(contendedIn, -1L);
        runningJobs = new int[count];
        runningMilli = new long[count];
        runningWatts = new double[count];
        countedUntil = new long[count];
        gpuSeconds = new double[count];
        joules = new double[count];
    }

    /// <summary>Closes the windows that end at or before <paramref name="now"/>; called before anything at <paramref name="now"/> is applied.</summary>
    public void AdvanceTo(Instant now)
    {
        var time = now.Microseconds;
        if (!begun)
        {
            // The grid starts at the run's first event, its first submission.
            begun = true;
            windowStart = time;
            windowEnd = time + window;
            return;
        }

        while (time >= windowEnd)
        {
            Close(windowEnd);
            if (totalWaiting == 0 && time >= windowEnd)
            {
                var skipped = (time - windowStart) / window;
                windowIndex += skipped;
                windowStart += skipped * window;
                windowEnd = windowStart + window;
            }
        }
    }

    /// <summary>The job was submitted, or preempted: it waits from <paramref name="now"/>.</summary>
    public void JobWaits(int job, Instant now)
    {
        var user = userOfJob[job];
        if (waitingJobs[user]++ == 0)
        {
            waitingSince[user] = now.Microseconds;
        }

        totalWaiting++;
    }

    /// <summary>The job starts: it waits no more. A wait of positive length inside this window makes its user a contender in it.</summary>
    public void JobLeavesQueue(int job, Instant now)
    {
        var user = userOfJob[job];
        totalWaiting--;
        if (--waitingJobs[user] == 0 && now.Microseconds > Math.Max(waitingSince[user], windowStart))
        {
            contendedIn[user] = windowIndex;
        }
    }

    /// <summary>A run of the job starts, holding <paramref name="gpuMilli"/> thousandths of GPUs charged <paramref name="watts"/>.</summary>
    public void RunStarts(int job, Instant now, long gpuMilli, double watts)
    {
        var user = userOfJob[job];
        AddHeldUntil(user, now.Microseconds);
        runningJobs[user]++;
        runningMilli[user] += gpuMilli;
        runningWatts[user] += watts;
    }

    /// <summary>A run of the job ends or is preempted: it gives back what <see cref="RunStarts"/> took.</summary>
    public void RunStops(int job, Instant now, long gpuMilli, double watts)
    {
        var user = userOfJob[job];
        AddHeldUntil(user, now.Microseconds);
        runningMilli[user] -= gpuMilli;

        // Subtracting the watts added leaves rounding dust; with no run left the user holds exactly nothing.
        runningWatts[user] = --runningJobs[user] == 0 ? 0 : runningWatts[user] - watts;
    }

    /// <summary>Closes the windows up to the run's last instant, the last one cut short there, and gives the means.</summary>
    public GpuWindowedFairness Finish(Instant end)
    {
        if (begun)
        {
            AdvanceTo(end);
            if (end.Microseconds > windowStart)
            {
                Close(end.Microseconds);
            }
        }

        return new GpuWindowedFairness(
            new Duration(window),
            gpuWindows,
            gpuWindows == 0 ? double.NaN : gpuIndexSum / gpuWindows,
            energyWindows,
            energyWindows == 0 ? double.NaN : energyIndexSum / energyWindows);
    }

    /// <summary>Adds what the user's running jobs held from the last count (or the window's start) until <paramref name="time"/>.</summary>
    private void AddHeldUntil(int user, long time)
    {
        var from = Math.Max(countedUntil[user], windowStart);
        if (runningJobs[user] > 0 && time > from)
        {
            var seconds = (time - from) / 1e6;
            gpuSeconds[user] += seconds * runningMilli[user] / 1000.0;
            joules[user] += seconds * runningWatts[user];
        }

        countedUntil[user] = time;
    }

    /// <summary>Ends the current window at <paramref name="end"/>: Jain's indices over its contenders, folded into the sums.</summary>
    private void Close(long end)
    {
        var contenders = 0;
        double gpuSum = 0, gpuSquares = 0, energySum = 0, energySquares = 0;
        for (var user = 0; user < waitingJobs.Length; user++)
        {
            AddHeldUntil(user, end);

            // Contending: a wait that ended inside this window, or one still going that began before its end.
            if (contendedIn[user] == windowIndex || (waitingJobs[user] > 0 && waitingSince[user] < end))
            {
                contenders++;
                gpuSum += gpuSeconds[user];
                gpuSquares += gpuSeconds[user] * gpuSeconds[user];
                energySum += joules[user];
                energySquares += joules[user] * joules[user];
            }

            gpuSeconds[user] = 0;
            joules[user] = 0;
        }

        // One contender, or contenders that all got nothing, give no index: such a window is left out of the mean.
        if (contenders >= 2 && gpuSquares > 0)
        {
            gpuIndexSum += gpuSum * gpuSum / (contenders * gpuSquares);
            gpuWindows++;
        }

        if (contenders >= 2 && energySquares > 0)
        {
            energyIndexSum += energySum * energySum / (contenders * energySquares);
            energyWindows++;
        }

        windowIndex++;
        windowStart = end;
        windowEnd = end + window;
    }
}
