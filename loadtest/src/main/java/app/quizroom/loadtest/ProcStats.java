package app.quizroom.loadtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time and resident memory of a process, read from /proc (Linux). */
final class ProcStats {

    /** Linux's USER_HZ, the unit of utime/stime in /proc/PID/stat; 100 on every common kernel. */
    private static final double TICKS_PER_SECOND = 100.0;

    /** One reading; values are -1 when the process or /proc is not there. */
    record Sample(double cpuSeconds, long rssKiB, long peakRssKiB) {
    }

    private ProcStats() {
    }

    /** Reads process {@code pid}; "self" is the load tool itself. */
    static Sample read(String pid) {
        return new Sample(cpuSeconds(pid), statusKiB(pid, "VmRSS:"), statusKiB(pid, "VmHWM:"));
    }

    static Sample read(long pid) {
        return pid <= 0 ? new Sample(-1, -1, -1) : read(Long.toString(pid));
    }

    private static double cpuSeconds(String pid) {
        try {
            String stat = Files.readString(Path.of("/proc", pid, "stat"));
            // The command name may hold spaces and parentheses: the fields start after the last ')'.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
            // f[0] is field 3 (state); utime is field 14, stime field 15.
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long statusKiB(String pid, String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // no such process
        }
        return -1;
    }

    /** The 1-minute load average, or -1. */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
