using Microsoft.Win32.SafeHandles;

namespace Augur.Prediction.Boosting;

/// <summary>An XGBoost DMatrix (features and labels in XGBoost's own memory), freed exactly once.</summary>
internal sealed class DMatrixHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public DMatrixHandle()
        : base(ownsHandle: true)
    {
    }

    /// <summary>
    /// Copies a row-major block of features into a new DMatrix; NaN marks a missing value. Infinities are refused
    /// here, with their position, because XGBoost refuses them with a message that does not say where they are.
    /// </summary>
    internal static unsafe DMatrixHandle Create(ReadOnlySpan<float> values, int rows, int columns, string parameterName)
    {
        for (var index = 0; index < values.Length; index++)
        {
            if (float.IsInfinity(values[index]))
            {
                throw new ArgumentException(
                    $"The feature at row {index / columns}, column {index % columns} is infinite; use NaN for a missing value.",
                    parameterName);
            }
        }

        XGBoostLibrary.EnsureLoaded();
        DMatrixHandle matrix;
        fixed (float* pointer = values)
        {
            XGBoostLibrary.Check(
                XGBoostNative.XGDMatrixCreateFromMat(pointer, (ulong)rows, (ulong)columns, float.NaN, out matrix),
                nameof(XGBoostNative.XGDMatrixCreateFromMat));
        }

        return matrix;
    }

    internal unsafe void SetLabels(ReadOnlySpan<float> labels)
    {
        fixed (float* pointer = labels)
        {
            XGBoostLibrary.Check(
                XGBoostNative.XGDMatrixSetFloatInfo(this, "label", pointer, (ulong)labels.Length),
                nameof(XGBoostNative.XGDMatrixSetFloatInfo));
        }
    }

    protected override bool ReleaseHandle() => XGBoostNative.XGDMatrixFree(handle) == 0;
}
