package app.quizroom.scoring;

import app.quizroom.bank.Question;

import java.util.List;
import java.util.Set;

/**
 * The scoring rules, as pure functions. Times are the server's own measurements in milliseconds: the response
 * time is the arrival of the answer minus the moment the question opened for answers.
 */
public final class Scoring {

    /** Answers faster than this score full points in classic mode. */
    public static final long INSTANT_MS = 500;
    public static final int STREAK_STEP = 100;
    public static final int STREAK_CAP = 500;

    private Scoring() {
    }

    /**
     * How right an answer is, from 0 (wrong) to 1 (fully right).
     * <ul>
     *   <li>single, truefalse: 1 if the one pick is the right option, else 0;</li>
     *   <li>multi: (right picks − wrong picks) ÷ number of right options, floored at 0;</li>
     *   <li>order: the fraction of item pairs in the right relative order;</li>
     *   <li>numeric: 1 if within the tolerance, else 0;</li>
     *   <li>poll: 0 (polls score nothing; see {@link #countsForStreak}).</li>
     * </ul>
     */
    public static double credit(Question question, AnswerValue answer) {
        return switch (question.type()) {
            case SINGLE, TRUEFALSE -> answer instanceof AnswerValue.Choice c && c.picks().size() == 1
                    && question.correct().containsAll(c.picks()) ? 1.0 : 0.0;
            case MULTI -> answer instanceof AnswerValue.Choice c ? multiCredit(question.correct(), c.picks()) : 0.0;
            case ORDER -> answer instanceof AnswerValue.Ordering o ? orderCredit(o.order()) : 0.0;
            case NUMERIC -> answer instanceof AnswerValue.Number n
                    && Math.abs(n.value() - question.numericAnswer()) <= question.tolerance() + 1e-9 ? 1.0 : 0.0;
            case POLL -> 0.0;
        };
    }

    /** Rahoot's balanced rule: (right picks − wrong picks) ÷ right options, never below 0. */
    public static double multiCredit(Set<Integer> correct, Set<Integer> picks) {
        if (correct.isEmpty()) {
            return 0;
        }
        long right = picks.stream().filter(correct::contains).count();
        long wrong = picks.size() - right;
        return Math.max(0.0, (double) (right - wrong) / correct.size());
    }

    /**
     * The fraction of pairs (i, j), i before j in the player's order, that are also in that order in the answer.
     * {@code order} holds bank indices, and the bank's order is the right one, so a pair is right when the
     * earlier item has the smaller index.
     */
    public static double orderCredit(List<Integer> order) {
        int n = order.size();
        if (n < 2) {
            return n == 1 ? 1.0 : 0.0;
        }
        int right = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (order.get(i) < order.get(j)) {
                    right++;
                }
            }
        }
        return right / (n * (n - 1) / 2.0);
    }

    /**
     * Classic points before any streak bonus: {@code round(P × credit × (1 − (t/T)/2))}, with full points under
     * {@link #INSTANT_MS}. An answer at the deadline ({@code t = T}) earns half; the caller refuses later ones,
     * and a time past {@code T} is treated as {@code T}.
     */
    public static int classicPoints(int points, double credit, long responseMs, long limitMs) {
        if (credit <= 0 || points <= 0) {
            return 0;
        }
        double speed = responseMs < INSTANT_MS ? 1.0
                : 1.0 - (Math.min(responseMs, limitMs) / (double) limitMs) / 2.0;
        return (int) Math.round(points * credit * speed);
    }

    /** Accuracy points: the question's points scaled by credit, whatever the time. */
    public static int accuracyPoints(int points, double credit) {
        return credit <= 0 || points <= 0 ? 0 : (int) Math.round(points * credit);
    }

    /**
     * The streak bonus for an answer that brings the streak (counting this answer) to {@code streak}:
     * +100 for each consecutive right answer after the first, at most +500.
     */
    public static int streakBonus(int streak) {
        return Math.min(STREAK_CAP, Math.max(0, streak - 1) * STREAK_STEP);
    }

    /** Whether a question's outcome moves the streak at all: polls neither extend nor break it. */
    public static boolean countsForStreak(Question question) {
        return question.type() != app.quizroom.bank.QuestionType.POLL;
    }
}
