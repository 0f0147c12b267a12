using System.Runtime.InteropServices;

namespace Augur.Prediction.Boosting;

/// <summary>Loads XGBoost's C library once, with the environment it needs, and turns its failures into exceptions.</summary>
internal static class XGBoostLibrary
{
    internal const string MissingMessage =
        "XGBoost's C library (libxgboost.so.0) is not installed: apt-get install libxgboost0";

    private static readonly Lock Gate = new();
    private static volatile bool s_loaded;
    private static Version? s_version;

    /// <summary>The version of the loaded library.</summary>
    internal static Version Version
    {
        get
        {
            EnsureLoaded();
            return s_version!;
        }
    }

    /// <summary>Call before any other XGBoost function: the first call into the library loads it and OpenMP.</summary>
    internal static void EnsureLoaded()
    {
        if (s_loaded)
        {
            return;
        }

        lock (Gate)
        {
            if (s_loaded)
            {
                return;
            }

            // OpenMP reads its environment once, when XGBoost loads it. Its default is to spin idle threads, which on
            // a busy machine with few cores makes training about 15 times slower.
            NativeEnvironment.SetIfAbsent("OMP_WAIT_POLICY", "passive");
            int major, minor, patch;
            try
            {
                XGBoostNative.XGBoostVersion(out major, out minor, out patch);
            }
            catch (DllNotFoundException exception)
            {
                throw new DllNotFoundException(MissingMessage, exception);
            }

            // 1.7 is the oldest version with every function and behaviour the binding relies on.
            if (major < 1 || (major == 1 && minor < 7))
            {
                throw new DllNotFoundException(
                    $"XGBoost's C library is version {major}.{minor}.{patch}; Augur needs 1.7 or later (Debian's libxgboost0).");
            }

            s_version = new Version(major, minor, patch);
            s_loaded = true;
        }
    }

    /// <summary>Throws an <see cref="XGBoostException"/> naming <paramref name="function"/> when it failed.</summary>
    internal static void Check(int result, string function)
    {
        if (result != 0)
        {
            throw new XGBoostException($"{function} failed: {LastError()}");
        }
    }

    /// <summary>XGBoost's reason for the last failure on this thread, without the native stack trace it appends.</summary>
    internal static string LastError()
    {
        var text = Marshal.PtrToStringUTF8(XGBoostNative.XGBGetLastError()) ?? "no reason given";
        var trace = text.IndexOf("Stack trace:", StringComparison.Ordinal);
        return (trace >= 0 ? text[..trace] : text).Trim();
    }
}
