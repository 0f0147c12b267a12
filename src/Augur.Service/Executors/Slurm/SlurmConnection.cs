namespace Augur.Service.Executors.Slurm;

/// <summary>Connects executor/slurm to a Slurm at start: the cluster model and, unless given, the jobcomp log from <c>scontrol show config</c>.</summary>
public static class SlurmConnection
{
    /// <summary>Throws <see cref="SlurmClusterException"/> when Slurm cannot be used, with the reason.</summary>
    public static SlurmSettings Open(string? configurationPath, string? partition, string? jobCompletionLog, TimeSpan timeout)
    {
        var client = new SlurmClient(configurationPath, timeout);
        var cluster = SlurmCluster.Read(client, partition);
        if (jobCompletionLog is null)
        {
            var configuration = client.Run("scontrol", ["show", "config"]);
            if (configuration.Succeeded)
            {
                jobCompletionLog = JobCompletionLog(configuration.Output);
            }
        }

        return new SlurmSettings { Client = client, Cluster = cluster, JobCompletionLog = jobCompletionLog };
    }

    /// <summary>JobCompLoc from <c>scontrol show config</c> when JobCompType is jobcomp/filetxt (the only kind Augur reads); else null.</summary>
    public static string? JobCompletionLog(string configurationOutput)
    {
        ArgumentNullException.ThrowIfNull(configurationOutput);
        string? type = null, location = null;
        foreach (var line in configurationOutput.Split('\n'))
        {
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                continue;
            }

            var key = line[..equals].Trim();
            var value = line[(equals + 1)..].Trim();
            if (key == "JobCompType")
            {
                type = value;
            }
            else if (key == "JobCompLoc")
            {
                location = value;
            }
        }

        return type == "jobcomp/filetxt" && location is { Length: > 0 } && location != "(null)" ? location : null;
    }
}
