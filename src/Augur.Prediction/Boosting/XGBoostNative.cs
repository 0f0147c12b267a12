using System.Runtime.InteropServices;

namespace Augur.Prediction.Boosting;

/// <summary>
/// The part of XGBoost's C API (c_api.h, version 1.7) that the binding calls. Every function but
/// <see cref="XGBoostVersion"/> and <see cref="XGBGetLastError"/> returns 0 on success and -1 on failure;
/// <see cref="XGBoostLibrary.Check"/> turns a failure into an <see cref="XGBoostException"/>.
/// </summary>
internal static unsafe partial class XGBoostNative
{
    // The soname: the unversioned libxgboost.so link that a bare "xgboost" would need ships only in the -dev package.
    internal const string Library = "libxgboost.so.0";

    [LibraryImport(Library)]
    internal static partial void XGBoostVersion(out int major, out int minor, out int patch);

    // The text belongs to XGBoost: marshalling it as a string would make the marshaller free memory it does not own.
    [LibraryImport(Library)]
    internal static partial nint XGBGetLastError();

    [LibraryImport(Library)]
    internal static partial int XGBRegisterLogCallback(delegate* unmanaged[Cdecl]<byte*, void> callback);

    [LibraryImport(Library)]
    internal static partial int XGDMatrixCreateFromMat(
        float* values, ulong rows, ulong columns, float missing, out DMatrixHandle matrix);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int XGDMatrixSetFloatInfo(DMatrixHandle matrix, string field, float* values, ulong length);

    [LibraryImport(Library)]
    internal static partial int XGDMatrixFree(nint matrix);

    [LibraryImport(Library)]
    internal static partial int XGBoosterCreate(nint* cachedMatrices, ulong count, out BoosterHandle booster);

    [LibraryImport(Library)]
    internal static partial int XGBoosterFree(nint booster);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int XGBoosterSetParam(BoosterHandle booster, string name, string value);

    [LibraryImport(Library)]
    internal static partial int XGBoosterUpdateOneIter(BoosterHandle booster, int iteration, DMatrixHandle train);

    [LibraryImport(Library)]
    internal static partial int XGBoosterBoostOneIter(
        BoosterHandle booster, DMatrixHandle train, float* gradient, float* hessian, ulong length);

    // The result points into a buffer that XGBoost reuses on the next call from the same thread: copy it at once.
    [LibraryImport(Library)]
    internal static partial int XGBoosterPredictFromDMatrix(
        BoosterHandle booster, DMatrixHandle matrix, byte* configuration, out ulong* shape, out ulong dimensions,
        out float* result);

    [LibraryImport(Library)]
    internal static partial int XGBoosterGetNumFeature(BoosterHandle booster, out ulong features);

    [LibraryImport(Library)]
    internal static partial int XGBoosterSaveModelToBuffer(
        BoosterHandle booster, byte* configuration, out ulong length, out byte* model);

    [LibraryImport(Library)]
    internal static partial int XGBoosterLoadModelFromBuffer(BoosterHandle booster, byte* model, ulong length);

    [LibraryImport(Library)]
    internal static partial int XGBoosterSaveJsonConfig(BoosterHandle booster, out ulong length, out byte* json);
}
