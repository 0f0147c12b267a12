using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Augur.Prediction.Boosting;

/// <summary>An XGBoost booster (the trees and their parameters), freed exactly once.</summary>
internal sealed class BoosterHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public BoosterHandle()
        : base(ownsHandle: true)
    {
    }

    // Normal prediction, all trees. "training" is true only inside the training loop, where XGBoost may answer from
    // the prediction cache it keeps for the training matrix.
    private static ReadOnlySpan<byte> PredictionConfiguration =>
        "{\"type\":0,\"training\":false,\"iteration_begin\":0,\"iteration_end\":0,\"strict_shape\":false}\0"u8;

    private static ReadOnlySpan<byte> TrainingPredictionConfiguration =>
        "{\"type\":0,\"training\":true,\"iteration_begin\":0,\"iteration_end\":0,\"strict_shape\":false}\0"u8;

    /// <summary>A new booster; <paramref name="training"/>, when given, is the matrix XGBoost caches predictions for.</summary>
    internal static unsafe BoosterHandle Create(DMatrixHandle? training)
    {
        XGBoostLibrary.EnsureLoaded();
        BoosterHandle booster;
        if (training is null)
        {
            XGBoostLibrary.Check(XGBoostNative.XGBoosterCreate(null, 0, out booster), nameof(XGBoostNative.XGBoosterCreate));
            return booster;
        }

        var added = false;
        training.DangerousAddRef(ref added);
        try
        {
            var raw = training.DangerousGetHandle();
            XGBoostLibrary.Check(XGBoostNative.XGBoosterCreate(&raw, 1, out booster), nameof(XGBoostNative.XGBoosterCreate));
        }
        finally
        {
            if (added)
            {
                training.DangerousRelease();
            }
        }

        return booster;
    }

    internal void SetParameter(string name, string value)
    {
        var result = XGBoostNative.XGBoosterSetParam(this, name, value);
        if (result != 0)
        {
            throw new XGBoostException($"XGBoosterSetParam({name}={value}) failed: {XGBoostLibrary.LastError()}");
        }
    }

    /// <summary>
    /// One prediction per row of <paramref name="matrix"/>, in XGBoost's buffer: valid until the next prediction on
    /// this thread, so copy it first.
    /// </summary>
    internal unsafe ReadOnlySpan<float> Predict(DMatrixHandle matrix, int rows, bool training)
    {
        ulong* shape;
        ulong dimensions;
        float* result;
        fixed (byte* configuration = training ? TrainingPredictionConfiguration : PredictionConfiguration)
        {
            XGBoostLibrary.Check(
                XGBoostNative.XGBoosterPredictFromDMatrix(this, matrix, configuration, out shape, out dimensions, out result),
                nameof(XGBoostNative.XGBoosterPredictFromDMatrix));
        }

        if (dimensions != 1 || shape[0] != (ulong)rows)
        {
            throw new XGBoostException(
                $"XGBoosterPredictFromDMatrix returned a {dimensions}-dimensional result of {shape[0]} values for {rows} rows.");
        }

        return new ReadOnlySpan<float>(result, rows);
    }

    internal int FeatureCount()
    {
        XGBoostLibrary.Check(XGBoostNative.XGBoosterGetNumFeature(this, out var features), nameof(XGBoostNative.XGBoosterGetNumFeature));
        return checked((int)features);
    }

    /// <summary>Every parameter the booster uses, with its value, as XGBoost's JSON.</summary>
    internal unsafe string ConfigurationJson()
    {
        XGBoostLibrary.Check(
            XGBoostNative.XGBoosterSaveJsonConfig(this, out var length, out var json), nameof(XGBoostNative.XGBoosterSaveJsonConfig));
        return Marshal.PtrToStringUTF8((nint)json, checked((int)length));
    }

    protected override bool ReleaseHandle() => XGBoostNative.XGBoosterFree(handle) == 0;
}
