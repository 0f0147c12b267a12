using System.Runtime.InteropServices;

namespace Augur.Service.Executors.Local;

/// <summary>
/// Starts a job's process with posix_spawnp: stdin from /dev/null, stdout and stderr to files, in its run
/// folder, in a session of its own (so that signals reach the job's whole process group and the service's
/// terminal does not), with every signal at its default and none blocked (.NET ignores SIGPIPE, and an ignored
/// signal would stay ignored in the job).
/// </summary>
internal static unsafe class ProcessSpawner
{
    /// <summary>Returns the child's pid, or throws <see cref="SpawnFailedException"/> with the system's reason.</summary>
    public static int Spawn(SpawnRequest request)
    {
        var strings = new List<nint>();
        byte* actions = stackalloc byte[PosixNative.FileActionsSize];
        byte* attributes = stackalloc byte[PosixNative.AttributesSize];
        byte* noSignals = stackalloc byte[PosixNative.SignalSetSize];
        byte* allSignals = stackalloc byte[PosixNative.SignalSetSize];
        Check(PosixNative.posix_spawn_file_actions_init(actions), "posix_spawn_file_actions_init");
        Check(PosixNative.posix_spawnattr_init(attributes), "posix_spawnattr_init");
        try
        {
            Check(PosixNative.posix_spawn_file_actions_addchdir_np(actions, Utf8(request.WorkingDirectory, strings)), "chdir");
            Check(PosixNative.posix_spawn_file_actions_addopen(actions, 0, Utf8("/dev/null", strings), PosixNative.OpenReadOnly, 0), "open /dev/null");
            Check(PosixNative.posix_spawn_file_actions_addopen(actions, 1, Utf8(request.StandardOutput, strings), PosixNative.OpenWriteCreateTruncate, Convert.ToInt32("600", 8)), "open stdout");
            Check(PosixNative.posix_spawn_file_actions_addopen(actions, 2, Utf8(request.StandardError, strings), PosixNative.OpenWriteCreateTruncate, Convert.ToInt32("600", 8)), "open stderr");
            _ = PosixNative.sigemptyset(noSignals);
            _ = PosixNative.sigfillset(allSignals);
            Check(PosixNative.posix_spawnattr_setsigmask(attributes, noSignals), "posix_spawnattr_setsigmask");
            Check(PosixNative.posix_spawnattr_setsigdefault(attributes, allSignals), "posix_spawnattr_setsigdefault");
            Check(PosixNative.posix_spawnattr_setflags(attributes, PosixNative.SpawnSetSession | PosixNative.SpawnSetSignalMask | PosixNative.SpawnSetSignalDefaults), "posix_spawnattr_setflags");
            var argv = NullTerminated(request.Arguments, strings);
            var environment = NullTerminated(request.Environment, strings);
            var error = PosixNative.posix_spawnp(out var processId, Utf8(request.Program, strings), actions, attributes, argv, environment);
            if (error != 0)
            {
                throw new SpawnFailedException($"cannot start '{request.Program}': {Marshal.GetPInvokeErrorMessage(error)}");
            }

            return processId;
        }
        finally
        {
            _ = PosixNative.posix_spawn_file_actions_destroy(actions);
            _ = PosixNative.posix_spawnattr_destroy(attributes);
            foreach (var pointer in strings)
            {
                Marshal.FreeHGlobal(pointer);
            }
        }
    }

    private static byte** NullTerminated(IReadOnlyList<string> values, List<nint> strings)
    {
        var array = (byte**)Marshal.AllocHGlobal(sizeof(nint) * (values.Count + 1));
        strings.Add((nint)array);
        for (var i = 0; i < values.Count; i++)
        {
            array[i] = Utf8(values[i], strings);
        }

        array[values.Count] = null;
        return array;
    }

    private static byte* Utf8(string value, List<nint> strings)
    {
        var bytes = System.Text.Encoding.UTF8.GetByteCount(value);
        var pointer = (byte*)Marshal.AllocHGlobal(bytes + 1);
        strings.Add((nint)pointer);
        fixed (char* characters = value)
        {
            System.Text.Encoding.UTF8.GetBytes(characters, value.Length, pointer, bytes);
        }

        pointer[bytes] = 0;
        return pointer;
    }

    private static void Check(int error, string what)
    {
        if (error != 0)
        {
            throw new SpawnFailedException($"{what} failed: {Marshal.GetPInvokeErrorMessage(error)}");
        }
    }
}
