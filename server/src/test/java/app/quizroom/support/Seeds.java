package app.quizroom.support;

import java.util.SplittableRandom;

/**
 * Seeds for the randomised (property) tests. Each run draws a fresh master seed unless the system property
 * {@code quizroom.seed} fixes one; a failing case reports its own seed, and {@code -Dquizroom.seed=<seed>} replays
 * the run. {@code -Dquizroom.cases=<n>} changes how many cases a property tries.
 */
public final class Seeds {

    private Seeds() {
    }

    /** The master seed of this run. */
    public static long master() {
        String fixed = System.getProperty("quizroom.seed");
        return fixed != null && !fixed.isBlank() ? Long.parseLong(fixed.trim()) : new SplittableRandom().nextLong();
    }

    /** How many cases to try: the default given, unless {@code quizroom.cases} says otherwise. */
    public static int cases(int defaultCount) {
        String n = System.getProperty("quizroom.cases");
        return n != null && !n.isBlank() ? Integer.parseInt(n.trim()) : defaultCount;
    }
}
