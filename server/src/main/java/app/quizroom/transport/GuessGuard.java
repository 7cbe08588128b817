package app.quizroom.transport;

import app.quizroom.config.Limits;
import app.quizroom.support.Clock;
import app.quizroom.support.RateLimiter;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The server-wide brake on guessing: wrong PINs, and tokens and join patterns a live room found wrong ("misses").
 * Misses are allowed at QUIZROOM_PIN_FAILURES_PER_SECOND; past that rate, a connection or address that has missed
 * within {@link Limits#MISS_MEMORY_MS} is refused before any lookup, whatever PIN it sends, and that refusal is a
 * miss too, so a scanner that keeps going keeps itself shut out. Lookups from addresses that have not missed go on
 * as usual, so a class joins during a scan from elsewhere. Shared by every event loop, hence synchronized.
 */
final class GuessGuard {

    private static final int MAX_ADDRESSES = 100_000;

    private final Clock clock;
    private final RateLimiter misses;
    /** When each address last missed, oldest first. */
    private final Map<String, Long> lastMiss = new LinkedHashMap<>();
    private final Runnable scanned;
    private long scanReportedAt = Long.MIN_VALUE / 2;

    /** @param scanned called when misses pass the rate, at most every {@link Limits#GUESS_WARNING_INTERVAL_MS} */
    GuessGuard(Clock clock, int missesPerSecond, Runnable scanned) {
        this.clock = clock;
        this.misses = new RateLimiter(clock, missesPerSecond, missesPerSecond);
        this.scanned = scanned;
    }

    /** Whether a hello from this address, on a connection that has or has not missed, is refused unlooked-at. */
    synchronized boolean refuses(String address, boolean connectionMissed) {
        if (!misses.exhausted()) {
            return false;
        }
        if (connectionMissed) {
            return true;
        }
        Long last = lastMiss.get(address);
        return last != null && clock.millis() - last < Limits.MISS_MEMORY_MS;
    }

    /** Records a miss from this address. */
    void missed(String address) {
        boolean report;
        synchronized (this) {
            long now = clock.millis();
            lastMiss.remove(address); // re-inserted last, so that the map stays oldest first
            lastMiss.put(address, now);
            forgetOld(now);
            report = !misses.tryAcquire() && now - scanReportedAt >= Limits.GUESS_WARNING_INTERVAL_MS;
            if (report) {
                scanReportedAt = now;
            }
        }
        if (report) {
            scanned.run();
        }
    }

    private void forgetOld(long now) {
        Iterator<Long> oldestFirst = lastMiss.values().iterator();
        while (oldestFirst.hasNext()) {
            long at = oldestFirst.next();
            if (now - at < Limits.MISS_MEMORY_MS && lastMiss.size() <= MAX_ADDRESSES) {
                return;
            }
            oldestFirst.remove();
        }
    }
}
