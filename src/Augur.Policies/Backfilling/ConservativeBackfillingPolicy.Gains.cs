using Augur.Core.Jobs;
using Augur.Core.Time;

namespace Augur.Policies.Backfilling;

/// <summary>
/// Whether a waiting job can gain from compression, answered without searching the profile in most cases.
/// A job (p processors, planned d, reserved at r) has an earlier fit exactly when
/// (A) p processors are free just before r (it starts a little earlier and runs on into its own slot), or
/// (B) a window of d with p free ends at or before r (it runs entirely before its own slot).
/// (A) is one look-up. For (B), jobs of equal requests (a class) are interchangeable: the earliest window of
/// the class is searched once and kept until the profile next changes, and (B) holds when it ends by r.
/// </summary>
public sealed partial class ConservativeBackfillingPolicy
{
    private readonly Dictionary<(int Processors, long Duration), int> classIds = [];
    private long[] classVersions = new long[16];
    private long[] classFits = new long[16];
    private int[] classOfJob = [];

    /// <summary>False when the job certainly has no earlier fit; true when it may have one.</summary>
    private bool MayGain(JobRequest job, Instant now, Instant reservation, Duration planned)
    {
        if (profile!.FreeAt(new Instant(reservation.Microseconds - 1)) >= job.Processors)
        {
            return true;
        }

        if (planned.Microseconds > (reservation - now).Microseconds)
        {
            return false;
        }

        var c = classOfJob[job.Index];
        if (classVersions[c] != profile.Version)
        {
            classFits[c] = profile.EarliestFit(job.Processors, planned, now).Microseconds;
            classVersions[c] = profile.Version;
        }

        return classFits[c] + planned.Microseconds <= reservation.Microseconds;
    }

    /// <summary>Records the class of a job's request, when it is first reserved.</summary>
    private void Classify(JobRequest job, Duration planned)
    {
        if (job.Index >= classOfJob.Length)
        {
            Array.Resize(ref classOfJob, Math.Max(job.Index + 1, classOfJob.Length * 2));
        }

        if (!classIds.TryGetValue((job.Processors, planned.Microseconds), out var c))
        {
            c = classIds.Count;
            if (c == classFits.Length)
            {
                Array.Resize(ref classFits, c * 2);
                Array.Resize(ref classVersions, c * 2);
            }

            classIds.Add((job.Processors, planned.Microseconds), c);
            classVersions[c] = -1;
        }

        classOfJob[job.Index] = c;
    }
}
