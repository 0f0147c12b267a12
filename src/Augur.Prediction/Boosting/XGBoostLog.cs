using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Augur.Prediction.Boosting;

/// <summary>
/// Catches XGBoost's "parameters are not used" warning. With validate_parameters=1, XGBoost 1.7 does not fail on a
/// misspelled parameter: it logs a warning, once, when the booster first configures itself (the first round), and
/// trains on without it. The binding turns that warning into an error.
/// </summary>
/// <remarks>
/// XGBoost keeps the log callback per thread and logs on the thread that made the call, so the callback is
/// registered on every thread that trains, and what it catches is kept per thread too.
/// </remarks>
internal static unsafe class XGBoostLog
{
    private const string UnusedMarker = "are not used";

    [ThreadStatic]
    private static bool s_registered;

    [ThreadStatic]
    private static List<string>? s_unusedParameters;

    /// <summary>Starts catching on this thread and forgets what an earlier booster left behind.</summary>
    internal static void Listen()
    {
        if (!s_registered)
        {
            XGBoostLibrary.Check(XGBoostNative.XGBRegisterLogCallback(&OnMessage), nameof(XGBoostNative.XGBRegisterLogCallback));
            s_registered = true;
        }

        s_unusedParameters = null;
    }

    /// <summary>Throws when XGBoost reported parameters it does not use since <see cref="Listen"/>.</summary>
    internal static void ThrowIfParametersUnused(string function)
    {
        var unused = s_unusedParameters;
        if (unused is null)
        {
            return;
        }

        s_unusedParameters = null;
        throw new XGBoostException(
            $"{function} failed: XGBoost {XGBoostLibrary.Version} does not know the parameter(s) {string.Join(", ", unused)}; check the spelling.");
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnMessage(byte* message)
    {
        var text = Marshal.PtrToStringUTF8((nint)message) ?? string.Empty;
        if (!text.Contains(UnusedMarker, StringComparison.Ordinal))
        {
            // Registering the callback silences XGBoost's own printing to stderr; keep its other messages visible.
            Console.Error.WriteLine(text.TrimEnd());
            return;
        }

        // The warning reads: Parameters: { "max_dept", "etaa" } are not used.
        var names = s_unusedParameters ??= [];
        var open = text.IndexOf('{', StringComparison.Ordinal);
        var close = text.IndexOf('}', StringComparison.Ordinal);
        if (open < 0 || close < open)
        {
            names.Add(text.Trim());
            return;
        }

        foreach (var name in text[(open + 1)..close].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            names.Add(name);
        }
    }
}
