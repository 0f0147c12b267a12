using System.Globalization;

namespace Augur.Service.Executors.Local;

/// <summary>
/// Reads /proc: a process's start time (field 22 of /proc/PID/stat, clock ticks since boot), which with the pid
/// identifies a process across a service restart (pids are reused, start times with them are not), and its
/// peak resident set (VmHWM in /proc/PID/status).
/// </summary>
internal static class ProcessInspector
{
    /// <summary>The process's start time in clock ticks since boot, or null if it does not exist.</summary>
    public static long? StartTicks(int processId)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{processId.ToString(CultureInfo.InvariantCulture)}/stat");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        // The command name (field 2) is in parentheses and may hold spaces: count fields after its last ')'.
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');

        // fields[0] is field 3 (state), so field 22 is fields[19]. A zombie has exited: it is not alive.
        if (fields.Length < 20 || fields[0] == "Z")
        {
            return null;
        }

        return long.Parse(fields[19], CultureInfo.InvariantCulture);
    }

    /// <summary>The peak resident set in kilobytes, or null if the process is gone.</summary>
    public static long? PeakResidentKilobytes(int processId)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{processId.ToString(CultureInfo.InvariantCulture)}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    var digits = line["VmHWM:".Length..].Trim().Split(' ')[0];
                    return long.Parse(digits, CultureInfo.InvariantCulture);
                }
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        return null;
    }
}
