package app.quizroom.support;

/**
 * A token bucket: up to {@code burst} events at once, refilled at {@code perSecond}. Thread-safe, on the given
 * clock (so that tests drive it by hand).
 */
public final class RateLimiter {

    private final Clock clock;
    private final double perMs;
    private final double burst;
    private double tokens;
    private long last;

    public RateLimiter(Clock clock, double perSecond, int burst) {
        this.clock = clock;
        this.perMs = perSecond / 1000.0;
        this.burst = burst;
        this.tokens = burst;
        this.last = clock.millis();
    }

    /** Takes one token if there is one. */
    public synchronized boolean tryAcquire() {
        refill();
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /** True when not even one token is left now: the rate is being exceeded. Takes nothing. */
    public synchronized boolean exhausted() {
        refill();
        return tokens < 1;
    }

    private void refill() {
        long now = clock.millis();
        tokens = Math.min(burst, tokens + Math.max(0, now - last) * perMs);
        last = now;
    }
}
