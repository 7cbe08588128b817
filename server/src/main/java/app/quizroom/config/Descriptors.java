package app.quizroom.config;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * The process's limit on open file descriptors, and how many of them connections may take. Every TCP connection holds
 * one; past the limit the server can open neither a phone's connection nor its own database and bank files. Read at
 * start-up: connections may take the limit less the descriptors already open and a reserve of a quarter of the limit
 * (at least {@value #MIN_RESERVE}) for what the server opens later (the results database and its journal, bank and
 * web files, jars, Vert.x's selectors) and for a burst of connections that Netty has accepted and not yet handed to
 * the server's connection handler, which closes those over a cap (3,000 connects at once on loopback had some 550 such
 * at a time on two cores). Should a burst still reach the limit, Netty stops accepting for a second and resumes; the
 * connections held stay within the caps, so the process never stays out of descriptors.
 */
public final class Descriptors {

    static final int MIN_RESERVE = 256;

    private Descriptors() {
    }

    /**
     * The process's descriptor limit (as {@code ulimit -n}; the JVM raises the soft limit to the hard one on Linux),
     * or -1 where the JVM cannot tell (not a Unix).
     */
    public static long limit() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.UnixOperatingSystemMXBean unix ? unix.getMaxFileDescriptorCount() : -1;
    }

    /** The descriptors the process has open now, or 0 where the JVM cannot tell. */
    public static long open() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.UnixOperatingSystemMXBean unix ? unix.getOpenFileDescriptorCount() : 0;
    }

    /**
     * The most connections a process may hold with this descriptor limit and this many descriptors open already;
     * unbounded where the limit is unknown.
     */
    public static int connectionsWithin(long limit, long open) {
        if (limit <= 0) {
            return Integer.MAX_VALUE;
        }
        long reserve = Math.max(MIN_RESERVE, limit / 4);
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, limit - open - reserve));
    }
}
