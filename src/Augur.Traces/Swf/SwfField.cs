namespace Augur.Traces.Swf;

/// <summary>The 18 SWF fields' names, by 1-based number, as errors report them.</summary>
public static class SwfField
{
    public const int Count = 18;

    private static readonly string[] Names =
    [
        "job number", "submit time", "wait time", "run time", "allocated processors", "average CPU time",
        "used memory", "requested processors", "requested time", "requested memory", "status", "user id",
        "group id", "executable number", "queue number", "partition number", "preceding job number", "think time",
    ];

    /// <summary>The name of field <paramref name="number"/> (1..18); "extra field" beyond.</summary>
    public static string NameOf(int number) => number >= 1 && number <= Count ? Names[number - 1] : "extra field";

    /// <summary>The largest time Augur accepts, in seconds (about 31,700 years): it keeps microsecond times far from overflow.</summary>
    public const long MaxSeconds = 1_000_000_000_000;

    /// <summary>Fields holding times in seconds (submit, wait, run, requested, think time).</summary>
    internal static bool IsTime(int number) => number is 2 or 3 or 4 or 9 or 18;

    /// <summary>Fields that archive logs write with decimals (CPU time and memory); the rest are integers.</summary>
    internal static bool AllowsFraction(int number) => number is 6 or 7 or 10;
}
