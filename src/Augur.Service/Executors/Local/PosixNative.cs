using System.Runtime.InteropServices;

namespace Augur.Service.Executors.Local;

/// <summary>
/// The libc calls the local executor needs (Linux, glibc). posix_spawn lets a job's stdout and stderr be files
/// opened in the child, so a job keeps writing to them after the service dies: with .NET's Process class they
/// would be pipes into the service.
/// </summary>
internal static unsafe partial class PosixNative
{
    private const string Libc = "libc";

    // Flags of posix_spawnattr_setflags (glibc's spawn.h).
    public const short SpawnSetSignalDefaults = 0x04;
    public const short SpawnSetSignalMask = 0x08;
    public const short SpawnSetSession = 0x80;

    // open(2) flags on Linux.
    public const int OpenReadOnly = 0;
    public const int OpenWriteCreateTruncate = 0x1 | 0x40 | 0x200;

    public const int SignalTerminate = 15;
    public const int SignalKill = 9;
    public const int WaitNoHang = 1;
    public const int NoSuchProcess = 3;
    public const int NoChild = 10;

    // Sizes with room to spare over glibc's (80, 336 and 128 bytes on 64-bit): the calls initialise them.
    public const int FileActionsSize = 256;
    public const int AttributesSize = 512;
    public const int SignalSetSize = 256;
    public const int ResourceUsageSize = 256;

    [LibraryImport(Libc)]
    public static partial int posix_spawn_file_actions_init(byte* actions);

    [LibraryImport(Libc)]
    public static partial int posix_spawn_file_actions_destroy(byte* actions);

    [LibraryImport(Libc)]
    public static partial int posix_spawn_file_actions_addopen(byte* actions, int descriptor, byte* path, int flags, int mode);

    [LibraryImport(Libc)]
    public static partial int posix_spawn_file_actions_addchdir_np(byte* actions, byte* path);

    [LibraryImport(Libc)]
    public static partial int posix_spawnattr_init(byte* attributes);

    [LibraryImport(Libc)]
    public static partial int posix_spawnattr_destroy(byte* attributes);

    [LibraryImport(Libc)]
    public static partial int posix_spawnattr_setflags(byte* attributes, short flags);

    [LibraryImport(Libc)]
    public static partial int posix_spawnattr_setsigmask(byte* attributes, byte* signals);

    [LibraryImport(Libc)]
    public static partial int posix_spawnattr_setsigdefault(byte* attributes, byte* signals);

    [LibraryImport(Libc)]
    public static partial int sigemptyset(byte* signals);

    [LibraryImport(Libc)]
    public static partial int sigfillset(byte* signals);

    [LibraryImport(Libc)]
    public static partial int posix_spawnp(out int processId, byte* file, byte* actions, byte* attributes, byte** arguments, byte** environment);

    [LibraryImport(Libc, SetLastError = true)]
    public static partial int kill(int processId, int signal);

    [LibraryImport(Libc, SetLastError = true)]
    public static partial int wait4(int processId, out int status, int options, byte* usage);
}
