package app.quizroom.game;

import app.quizroom.config.Limits;
import app.quizroom.protocol.ErrorCode;
import app.quizroom.protocol.ServerMessage;
import app.quizroom.support.Clock;
import app.quizroom.support.Scheduler;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Two-step join: the pattern of shapes the projector shows and a join must carry, so that a PIN alone (found by a
 * scan, or posted online) does not let a bot in. The pattern changes every {@link Limits#JOIN_PATTERN_PERIOD_MS};
 * the one before stays good for {@link Limits#JOIN_PATTERN_GRACE_MS}, for a phone tapped just before the change.
 *
 * <p>There are only 256 patterns, so wrong ones are made costly where they come from: after a wrong pattern, the
 * next one from the same address is not even checked for a while (1 s, doubling with each wrong one, up to
 * {@link Limits#JOIN_PATTERN_MAX_WAIT_MS}); a right one clears the address, so that a class behind one address
 * whose members mistap now and then still gets in. Owned by the room and used on its context only.
 */
final class JoinPattern {

    /** An address forgotten after this long without a wrong pattern. */
    private static final long FORGET_AFTER_MS = 30 * 60_000;
    private static final int MAX_ADDRESSES = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Wrong patterns from one address, since its last right one. */
    private static final class Strikes {
        int wrong;
        long notBefore;
        long lastAt;
    }

    private final Clock clock;
    private final Scheduler scheduler;
    private final Executor executor;
    private final BooleanSupplier running;
    private final Consumer<ServerMessage.JoinPattern> announce;
    private final Map<String, Strikes> strikes = new LinkedHashMap<>();
    private List<Integer> current;
    private List<Integer> previous;
    private long previousUntil;
    private long changesAt;
    /** Moves on with each change, so that a change timer set before it is known to be stale. */
    private long sequence;

    /**
     * @param running  false once the game is over: the pattern then stops changing
     * @param announce where each new pattern goes (the host)
     */
    JoinPattern(Room.Environment env, BooleanSupplier running, Consumer<ServerMessage.JoinPattern> announce) {
        this.clock = env.clock();
        this.scheduler = env.scheduler();
        this.executor = env.executor();
        this.running = running;
        this.announce = announce;
        current = draw(null);
        scheduleChange();
    }

    /** The pattern as the host shows it. */
    ServerMessage.JoinPattern frame() {
        return new ServerMessage.JoinPattern(current, Math.max(0, changesAt - clock.millis()));
    }

    /**
     * Checks the pattern a join carries, from this address. Returns null when it is right, else what to answer:
     * {@link Admission.Declined} when there is nothing to check (no pattern, or the address must wait first), or
     * {@link Admission.WrongGuess} when the pattern is wrong.
     */
    Admission.Outcome check(List<Integer> pattern, String address) {
        long now = clock.millis();
        if (pattern == null) {
            return new Admission.Declined(new Refusal(ErrorCode.PATTERN_REQUIRED,
                    "Tap the four shapes shown on the big screen."));
        }
        Strikes s = strikes.get(address);
        if (s != null && now - s.lastAt >= FORGET_AFTER_MS) {
            strikes.remove(address); // long quiet: forgiven
            s = null;
        }
        if (s != null && now < s.notBefore) {
            long seconds = Math.max(1, (s.notBefore - now + 999) / 1000);
            return new Admission.Declined(new Refusal(ErrorCode.RATE_LIMITED, "Wrong shapes were tapped from this "
                    + "network; wait " + seconds + (seconds == 1 ? " second" : " seconds") + " and tap them again."));
        }
        if (pattern.equals(current) || pattern.equals(previous) && now < previousUntil) {
            strikes.remove(address);
            return null;
        }
        strike(address, s, now);
        return new Admission.WrongGuess(new Refusal(ErrorCode.PATTERN_REQUIRED,
                "Those are not the shapes on the big screen. Look again and tap them in order."));
    }

    private void strike(String address, Strikes s, long now) {
        if (s == null) {
            forgetOld(now);
            s = new Strikes();
        }
        strikes.remove(address); // re-inserted last: the map stays in order of the latest wrong pattern
        s.wrong++;
        s.lastAt = now;
        s.notBefore = now + Math.min(Limits.JOIN_PATTERN_MAX_WAIT_MS, 1000L << Math.min(s.wrong - 1, 20));
        strikes.put(address, s);
    }

    private void forgetOld(long now) {
        Iterator<Strikes> oldestFirst = strikes.values().iterator();
        while (oldestFirst.hasNext()) {
            Strikes s = oldestFirst.next();
            if (now - s.lastAt < FORGET_AFTER_MS && strikes.size() < MAX_ADDRESSES) {
                return;
            }
            oldestFirst.remove();
        }
    }

    private void scheduleChange() {
        long due = ++sequence;
        changesAt = clock.millis() + Limits.JOIN_PATTERN_PERIOD_MS;
        scheduler.schedule(Limits.JOIN_PATTERN_PERIOD_MS, () -> executor.execute(() -> change(due)));
    }

    private void change(long due) {
        if (due != sequence || !running.getAsBoolean()) {
            return; // stale, or the game is over
        }
        previous = current;
        previousUntil = clock.millis() + Limits.JOIN_PATTERN_GRACE_MS;
        current = draw(previous);
        scheduleChange();
        announce.accept(frame());
    }

    /** A random pattern, never the one before, so that the projector visibly changes. */
    private static List<Integer> draw(List<Integer> before) {
        while (true) {
            List<Integer> pattern = new ArrayList<>(Limits.JOIN_PATTERN_LENGTH);
            for (int i = 0; i < Limits.JOIN_PATTERN_LENGTH; i++) {
                pattern.add(RANDOM.nextInt(Limits.JOIN_PATTERN_SHAPES));
            }
            if (!pattern.equals(before)) {
                return List.copyOf(pattern);
            }
        }
    }
}
