package app.quizroom.scoring;

import java.util.Comparator;

/** Ranking orders: best first. */
public final class Ranking {

    private Ranking() {
    }

    /**
     * Classic: points, then the faster total time of right answers. Accuracy: the number of right answers
     * first (so more right answers always rank higher), then points, then the faster total time.
     */
    public static <T extends Ranked> Comparator<T> order(ScoringMode mode) {
        Comparator<T> byScore = Comparator.comparingInt((T r) -> r.score()).reversed();
        Comparator<T> byTime = Comparator.comparingLong(Ranked::correctTimeMs);
        Comparator<T> byJoin = Comparator.comparingInt(Ranked::joinOrder);
        Comparator<T> classic = byScore.thenComparing(byTime).thenComparing(byJoin);
        if (mode == ScoringMode.ACCURACY) {
            Comparator<T> byCorrect = Comparator.comparingInt((T r) -> r.correctCount()).reversed();
            return byCorrect.thenComparing(classic);
        }
        return classic;
    }
}
