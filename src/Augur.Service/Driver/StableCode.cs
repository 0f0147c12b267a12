namespace Augur.Service.Driver;

/// <summary>
/// A stable non-negative number for a name (FNV-1a over UTF-16): predictors key their histories by the
/// integer codes of JobFeatures, and a live user or command has a name. string.GetHashCode changes between
/// runs, which would scramble the histories rebuilt after a restart.
/// </summary>
internal static class StableCode
{
    public static int Of(string text)
    {
        var hash = 2166136261u;
        foreach (var character in text)
        {
            hash = (hash ^ character) * 16777619u;
        }

        return (int)(hash & 0x7fffffff);
    }
}
