namespace Augur.Traces.Tests.Swf;

/// <summary>
/// The malformed SWF corpus, kept as text in code and written to a temporary folder on first use, so that
/// tests read real files (paths in messages, line numbers) without fixture files in the repository.
/// </summary>
internal static class MalformedCorpus
{
    private static readonly Dictionary<string, string> Files = new(StringComparer.Ordinal)
    {
        ["empty.swf"] = "",
        ["fraction-in-integer-field.swf"] = "; MaxProcs: 16\n; Note: field 3 (wait time) of line 4 has a fraction; only fields 6, 7 and 10 may\n1 0 0 100 4 12.5 1024.25 4 200 2048.75 1 1 1 -1 1 1 -1 -1\n2 10 1.5 100 4 -1 -1 4 200 -1 1 1 1 -1 1 1 -1 -1\n3 20 0 100 4 -1 -1 4 200 -1 1 1 1 -1 1 1 -1 -1\n",
        ["missing-header.swf"] = "; Version: 2.2\n; Computer: a machine whose size the header does not give\n; Note: no MaxProcs and no MaxNodes directive\n1 0 0 100 4 -1 -1 4 200 -1 1 1 1 -1 1 1 -1 -1\n2 10 0 100 4 -1 -1 4 200 -1 1 1 1 -1 1 1 -1 -1\n",
        ["negative-value.swf"] = "; MaxProcs: 16\n; Note: field 9 (requested time) is -5 on lines 4 and 6; -1 (unknown) everywhere on line 5 is fine\n1 0 0 100 4 -1 -1 4 200 -1 1 1 1 -1 1 1 -1 -1\n2 10 0 100 4 -1 -1 4 -5 -1 1 1 1 -1 1 1 -1 -1\n-1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1\n4 30 0 100 4 -1 -1 4 -5 -1 1 1 1 -1 1 1 -1 -1\n5 40 0 100 4 -1 -1 4 200 -1 1 1 1 -1 1 1 -1 -1\n",
        ["not-a-number-abc.swf"] = "; MaxProcs: 16\n; Note: field 2 (submit time) of line 4 is abc\n1 0 0 100 4 -1 -1 4 200 -1 1 1 1 -1 1 1 -1 -1\n2 abc 0 100 4 -1 -1 4 200 -1 1 1 1 -1 1 1 -1 -1\n3 20 0 100 4 -1 -1 4 200 -1 1 1 1 -1 1 1 -1 -1\n",
        ["not-a-number-exponent.swf"] = "; MaxProcs: 16\n; Note: field 4 (run time) of line 5 is written with an exponent\n1 0 0 100 4 -1 -1 4 200 -1 1 1 1 -1 1 1 -1 -1\n2 10 0 100 4 -1 -1 4 200 -1 1 1 1 -1 1 1 -1 -1\n3 20 0 1e5 4 -1 -1 4 200 -1 1 1 1 -1 1 1 -1 -1\n4 30 0 100 4 -1 -1 4 200 -1 1 1 1 -1 1 1 -1 -1\n",
        ["not-a-number-suffix.swf"] = "; MaxProcs: 16\n; Note: field 5 (allocated processors) of line 3 has a letter after its digits\n1 0 0 100 12x -1 -1 4 200 -1 1 1 1 -1 1 1 -1 -1\n2 10 0 100 4 -1 -1 4 200 -1 1 1 1 -1 1 1 -1 -1\n",
        ["number-too-large.swf"] = "; MaxProcs: 16\n; Note: line 4 field 2 overflows 64 bits; line 5 field 1 is one past the largest accepted value (2^61 - 1), which line 6 holds\n1 0 0 100 4 -1 -1 4 200 -1 1 1 1 -1 1 1 -1 -1\n2 99999999999999999999 0 100 4 -1 -1 4 200 -1 1 1 1 -1 1 1 -1 -1\n2305843009213693952 20 0 100 4 -1 -1 4 200 -1 1 1 1 -1 1 1 -1 -1\n2305843009213693951 30 0 100 4 -1 -1 4 200 -1 1 1 1 -1 1 1 -1 -1\n",
        ["only-comments.swf"] = "; Version: 2.2\n; MaxProcs: 16\n; Note: a header and nothing else\n;\n; 1 0 0 100 4 -1 -1 4 200 -1 1 1 1 -1 1 1 -1 -1\n",
        ["too-few-fields.swf"] = "; Version: 2.2\n; MaxProcs: 16\n; Note: lines 5 and 7 have 17 fields, line 8 has 3\n1 0 0 100 4 -1 -1 4 200 -1 1 1 1 -1 1 1 -1 -1\n2 10 0 100 4 -1 -1 4 200 -1 1 1 1 -1 1 1 -1\n3 20 0 100 4 -1 -1 4 200 -1 1 1 1 -1 1 1 -1 -1\n4 30 0 100 4 -1 -1 4 200 -1 1 1 1 -1 1 1 -1\n5 40 0\n6 50 0 100 4 -1 -1 4 200 -1 1 1 1 -1 1 1 -1 -1\n",
    };

    private static readonly Lazy<string> Folder = new(WriteAll);

    /// <summary>The folder holding every corpus file.</summary>
    public static string Directory => Folder.Value;

    /// <summary>The path of corpus file <paramref name="name"/>.</summary>
    public static string File(string name) => Path.Combine(Directory, name);

    private static string WriteAll()
    {
        var folder = System.IO.Directory.CreateTempSubdirectory("augur-malformed-corpus-").FullName;
        foreach (var (name, text) in Files)
        {
            System.IO.File.WriteAllText(Path.Combine(folder, name), text);
        }

        return folder;
    }
}
