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

    /** One case of a property, given its own seed and the run's master seed (a failure reports both). */
    @FunctionalInterface
    public interface Case {
        /** Checks the case, throwing if it fails; true if it reached what the property counts. */
        boolean check(long seed, long master);
    }

    /**
     * Runs {@code cases} cases, each with a seed of its own drawn from the run's master seed mixed with {@code salt}
     * (so that two properties of one run try different cases); returns how many returned true.
     */
    public static int forEachCase(int cases, long salt, Case check) {
        long master = master();
        SplittableRandom seeds = new SplittableRandom(master ^ salt);
        int counted = 0;
        for (int i = 0; i < cases; i++) {
            if (check.check(seeds.nextLong(), master)) {
                counted++;
            }
        }
        return counted;
    }
}
