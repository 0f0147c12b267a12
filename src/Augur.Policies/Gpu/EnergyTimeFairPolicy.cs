using Augur.Core.Scheduling.Gpu;

namespace Augur.Policies.Gpu;

/// <summary>
/// <c>gpu/etf</c>: Energy-Time Fairness, after Liang et al., "Energy Time Fairness: Balancing Fair Allocation
/// of Energy and Time for GPU Workloads" (SEC'23), which defines a configurable trade-off between sharing GPU
/// time fairly and sharing energy fairly. The rule is Augur's own formulation of that knob. A user is a job's group. Each user
/// u is charged c_u = (1 - w) x T_u / sum T + w x E_u / sum E, where T_u is the GPU-seconds and E_u the joules
/// its jobs have attained so far (running jobs included; a ratio is 0 while its sum is 0) and w the energy
/// weight in [0, 1]: 0 is time-fair, 1 energy-fair. At each decision the users with waiting jobs are taken in
/// passes, least charged first (ties to the lower user in ordinal order), each starting its earliest waiting
/// job; a job that does not fit blocks everything behind it, as in <c>gpu/fifo</c>, so that no user's large
/// job starves. No run time is predicted or known; no job is preempted.
/// </summary>
public sealed class EnergyTimeFairPolicy : IGpuPolicy
{
    public const double DefaultEnergyWeight = 0.5;

    private readonly double energyWeight;
    private readonly List<int> running = [];
    private int[] userOf = [];
    private GpuWaitingQueue[] queues = [];
    private double[] finishedGpuSeconds = [];
    private double[] finishedJoules = [];
    private double[] gpuSeconds = [];
    private double[] joules = [];
    private double[] charge = [];
    private int[] order = [];

    public EnergyTimeFairPolicy(double energyWeight = DefaultEnergyWeight)
    {
        if (!(energyWeight is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(energyWeight), energyWeight, "The energy weight of gpu/etf lies in [0, 1]: 0 shares GPU time fairly, 1 shares energy fairly.");
        }

        this.energyWeight = energyWeight;
    }

    public string Id => "gpu/etf";

    public bool NeedsPredictions => false;

    public double EnergyWeight => energyWeight;

    public void Decide(GpuSchedulingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (queues.Length == 0)
        {
            Prepare(context);
        }

        foreach (var job in context.Arrived)
        {
            queues[userOf[job]].Add(job);
        }

        Charge(context);
        var blocked = false;
        var started = true;
        while (started && !blocked)
        {
            started = false;
            var users = Order();
            for (var i = 0; i < users; i++)
            {
                var queue = queues[order[i]];
                var job = queue.First;
                if (!context.TryStart(job))
                {
                    blocked = true;
                    break;
                }

                queue.Remove(job);
                running.Add(job);
                started = true;
            }
        }
    }

    private void Prepare(GpuSchedulingContext context)
    {
        var jobs = context.Jobs;
        var names = jobs.Select(j => j.Group).Distinct().Order(StringComparer.Ordinal).ToArray();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var u = 0; u < names.Length; u++)
        {
            index[names[u]] = u;
        }

        userOf = new int[jobs.Count];
        for (var i = 0; i < jobs.Count; i++)
        {
            userOf[i] = index[jobs[i].Group];
        }

        queues = new GpuWaitingQueue[names.Length];
        for (var u = 0; u < names.Length; u++)
        {
            queues[u] = new GpuWaitingQueue(jobs.Count);
        }

        finishedGpuSeconds = new double[names.Length];
        finishedJoules = new double[names.Length];
        gpuSeconds = new double[names.Length];
        joules = new double[names.Length];
        charge = new double[names.Length];
        order = new int[names.Length];
    }

    /// <summary>Each user's charge from what its jobs attained: those that ended are folded into the user's totals once.</summary>
    private void Charge(GpuSchedulingContext context)
    {
        for (var i = running.Count - 1; i >= 0; i--)
        {
            var job = running[i];
            if (!context.Running.Contains(job))
            {
                finishedGpuSeconds[userOf[job]] += context.AttainedGpuSeconds(job);
                finishedJoules[userOf[job]] += context.AttainedEnergyJoules(job);
                running[i] = running[^1];
                running.RemoveAt(running.Count - 1);
            }
        }

        finishedGpuSeconds.CopyTo(gpuSeconds, 0);
        finishedJoules.CopyTo(joules, 0);
        foreach (var job in running)
        {
            gpuSeconds[userOf[job]] += context.AttainedGpuSeconds(job);
            joules[userOf[job]] += context.AttainedEnergyJoules(job);
        }

        double totalTime = 0, totalEnergy = 0;
        for (var u = 0; u < charge.Length; u++)
        {
            totalTime += gpuSeconds[u];
            totalEnergy += joules[u];
        }

        for (var u = 0; u < charge.Length; u++)
        {
            var time = totalTime > 0 ? gpuSeconds[u] / totalTime : 0;
            var energy = totalEnergy > 0 ? joules[u] / totalEnergy : 0;
            charge[u] = ((1 - energyWeight) * time) + (energyWeight * energy);
        }
    }

    /// <summary>Fills <see cref="order"/> with the users that have waiting jobs, least charged first (insertion sort: users are few); returns how many.</summary>
    private int Order()
    {
        var count = 0;
        for (var u = 0; u < queues.Length; u++)
        {
            if (queues[u].Count == 0)
            {
                continue;
            }

            var position = count++;
            while (position > 0 && charge[order[position - 1]] > charge[u])
            {
                order[position] = order[position - 1];
                position--;
            }

            order[position] = u;
        }

        return count;
    }
}
