namespace Augur.Service.Store;

/// <summary>The lower-case names the store and the API use for <see cref="JobState"/>.</summary>
public static class JobStates
{
    private static readonly string[] Names = ["queued", "running", "completed", "failed", "cancelled", "timeout", "lost"];

    public static IReadOnlyList<string> All => Names;

    public static string Name(JobState state) => Names[(int)state];

    public static bool TryParse(string? text, out JobState state)
    {
        var index = Array.IndexOf(Names, text);
        state = index < 0 ? default : (JobState)index;
        return index >= 0;
    }

    public static bool IsFinal(JobState state) => state is not (JobState.Queued or JobState.Running);
}
