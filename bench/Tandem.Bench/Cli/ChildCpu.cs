using System.Runtime.InteropServices;

namespace Tandem.Bench.Cli;

/// <summary>
/// CPU time (user + system) of this process's finished children, from <c>getrusage(RUSAGE_CHILDREN)</c>: the difference
/// around one child is that child's CPU time. On a shared machine the wall time of a process moves with the load; its
/// CPU time moves much less, so the table shows both.
/// </summary>
public static class ChildCpu
{
    private const int RusageChildren = -1;

    public static TimeSpan Total()
    {
        if (!OperatingSystem.IsLinux() || getrusage(RusageChildren, out var usage) != 0)
        {
            return TimeSpan.Zero;
        }

        return Time(usage.UserSeconds, usage.UserMicroseconds) + Time(usage.SystemSeconds, usage.SystemMicroseconds);
    }

    private static TimeSpan Time(long seconds, long microseconds) => TimeSpan.FromSeconds(seconds) + TimeSpan.FromMicroseconds(microseconds);

    // DllImport rather than LibraryImport: the struct is blittable, and the bench needs no unsafe code for one call.
    [DllImport("libc", EntryPoint = "getrusage")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
#pragma warning disable SYSLIB1054
    private static extern int getrusage(int who, out Rusage usage);
#pragma warning restore SYSLIB1054

    // struct rusage on 64-bit Linux: two timevals (seconds, microseconds as longs), then 14 longs this bench does not read.
    [StructLayout(LayoutKind.Sequential)]
    private struct Rusage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
        public long MaxResident;
        public long Ixrss;
        public long Idrss;
        public long Isrss;
        public long MinorFaults;
        public long MajorFaults;
        public long Swaps;
        public long BlocksIn;
        public long BlocksOut;
        public long MessagesSent;
        public long MessagesReceived;
        public long Signals;
        public long VoluntarySwitches;
        public long InvoluntarySwitches;
    }
}
