package app.quizroom.scoring;

import app.quizroom.bank.Option;
import app.quizroom.bank.Question;
import app.quizroom.bank.QuestionType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScoringTest {

    private static final long T = 20_000;

    @Test
    void answerAtTimeZeroScoresFullPoints() {
        assertEquals(1000, Scoring.classicPoints(1000, 1.0, 0, T));
    }

    @Test
    void answerUnderHalfASecondScoresFullPoints() {
        assertEquals(1000, Scoring.classicPoints(1000, 1.0, 499, T));
        assertEquals(2000, Scoring.classicPoints(2000, 1.0, 499, T));
    }

    @Test
    void fromHalfASecondPointsFallLinearlyWithTime() {
        // round(1000 × (1 − (500/20000)/2)) = round(987.5) = 988
        assertEquals(988, Scoring.classicPoints(1000, 1.0, 500, T));
        assertEquals(750, Scoring.classicPoints(1000, 1.0, 10_000, T));
    }

    @Test
    void answerExactlyAtTheDeadlineScoresHalf() {
        assertEquals(500, Scoring.classicPoints(1000, 1.0, T, T));
    }

    @Test
    void timePastTheDeadlineNeverScoresBelowHalf() {
        assertEquals(500, Scoring.classicPoints(1000, 1.0, T + 5_000, T));
    }

    @Test
    void wrongAnswerOrZeroPointQuestionScoresNothing() {
        assertEquals(0, Scoring.classicPoints(1000, 0.0, 100, T));
        assertEquals(0, Scoring.classicPoints(0, 1.0, 100, T));
        assertEquals(0, Scoring.accuracyPoints(1000, 0.0));
    }

    @Test
    void accuracyPointsIgnoreTime() {
        assertEquals(1000, Scoring.accuracyPoints(1000, 1.0));
        assertEquals(500, Scoring.accuracyPoints(1000, 0.5));
    }

    @Test
    void partialCreditScalesClassicPoints() {
        assertEquals(375, Scoring.classicPoints(1000, 0.5, 10_000, T));
    }

    @Test
    void streakBonusGrowsByOneHundredAndStopsAtFiveHundred() {
        assertEquals(0, Scoring.streakBonus(1));
        assertEquals(100, Scoring.streakBonus(2));
        assertEquals(200, Scoring.streakBonus(3));
        assertEquals(500, Scoring.streakBonus(6));
        assertEquals(500, Scoring.streakBonus(7));
        assertEquals(500, Scoring.streakBonus(40));
    }

    @Test
    void multiUsesTheBalancedRuleFlooredAtZero() {
        Set<Integer> correct = Set.of(0, 1, 2);
        assertEquals(1.0, Scoring.multiCredit(correct, Set.of(0, 1, 2)), 1e-9);
        assertEquals(2 / 3.0, Scoring.multiCredit(correct, Set.of(0, 1)), 1e-9);
        assertEquals(1 / 3.0, Scoring.multiCredit(correct, Set.of(0, 1, 3)), 1e-9);
        assertEquals(0.0, Scoring.multiCredit(correct, Set.of(0, 3, 4)), 1e-9);
        assertEquals(0.0, Scoring.multiCredit(correct, Set.of(3)), 1e-9);
    }

    @Test
    void orderCreditIsTheFractionOfPairsInTheRightOrder() {
        assertEquals(1.0, Scoring.orderCredit(List.of(0, 1, 2, 3)), 1e-9);
        assertEquals(0.0, Scoring.orderCredit(List.of(3, 2, 1, 0)), 1e-9);
        // one adjacent swap among 4 items: 5 of 6 pairs right
        assertEquals(5 / 6.0, Scoring.orderCredit(List.of(1, 0, 2, 3)), 1e-9);
        assertEquals(0.0, Scoring.orderCredit(List.of(1, 0)), 1e-9);
    }

    @Test
    void creditByQuestionType() {
        Question single = question(QuestionType.SINGLE, Set.of(1), null, 0);
        assertEquals(1.0, Scoring.credit(single, new AnswerValue.Choice(Set.of(1))));
        assertEquals(0.0, Scoring.credit(single, new AnswerValue.Choice(Set.of(0))));
        Question numeric = question(QuestionType.NUMERIC, Set.of(), 1924.0, 1);
        assertEquals(1.0, Scoring.credit(numeric, new AnswerValue.Number(1925)));
        assertEquals(1.0, Scoring.credit(numeric, new AnswerValue.Number(1923)));
        assertEquals(0.0, Scoring.credit(numeric, new AnswerValue.Number(1926)));
        Question poll = question(QuestionType.POLL, Set.of(), null, 0);
        assertEquals(0.0, Scoring.credit(poll, new AnswerValue.Choice(Set.of(0))));
        assertTrue(!Scoring.countsForStreak(poll));
        assertTrue(Scoring.countsForStreak(single));
    }

    private static Question question(QuestionType type, Set<Integer> correct, Double value, double tolerance) {
        List<Option> options = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            options.add(new Option("o" + i, null));
        }
        return new Question("q", type, "prompt", options, correct, value, tolerance, null, 20, 1000, null, null,
                List.of(), null, 1);
    }
}
