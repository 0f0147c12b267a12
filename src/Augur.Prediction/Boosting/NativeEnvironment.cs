using System.Runtime.InteropServices;

namespace Augur.Prediction.Boosting;

/// <summary>
/// The C library's own environment. <see cref="Environment.SetEnvironmentVariable(string, string)"/> changes only
/// .NET's copy on Linux, which native code such as OpenMP never reads.
/// </summary>
internal static partial class NativeEnvironment
{
    /// <summary>Sets <paramref name="name"/> unless it is already set, so that a user's own choice wins.</summary>
    internal static void SetIfAbsent(string name, string value)
    {
        if (SetEnvironment(name, value, overwrite: 0) != 0)
        {
            throw new InvalidOperationException($"setenv({name}={value}) failed with error {Marshal.GetLastPInvokeError()}.");
        }
    }

    internal static string? Get(string name) => Marshal.PtrToStringUTF8(GetEnvironment(name));

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int SetEnvironment(string name, string value, int overwrite);

    [LibraryImport("libc", EntryPoint = "getenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint GetEnvironment(string name);
}
