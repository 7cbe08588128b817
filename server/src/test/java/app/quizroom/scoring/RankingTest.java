package app.quizroom.scoring;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RankingTest {

    record P(String name, int score, int correctCount, long correctTimeMs, int joinOrder) implements Ranked {
    }

    private static List<String> rank(ScoringMode mode, P... players) {
        List<P> list = new ArrayList<>(List.of(players));
        list.sort(Ranking.order(mode));
        return list.stream().map(P::name).toList();
    }

    @Test
    void classicRanksByPointsThenFasterCorrectAnswers() {
        assertEquals(List.of("b", "a", "c"), rank(ScoringMode.CLASSIC,
                new P("a", 1500, 2, 9000, 1), new P("b", 1800, 2, 12000, 2), new P("c", 1500, 2, 9500, 3)));
    }

    @Test
    void accuracyPutsMoreCorrectAnswersAboveMorePoints() {
        // "a" has more points (a double-points question) but fewer right answers than "b".
        assertEquals(List.of("b", "a"), rank(ScoringMode.ACCURACY,
                new P("a", 2000, 1, 1000, 1), new P("b", 1500, 2, 5000, 2)));
    }

    @Test
    void accuracyBreaksTiesInPointsByTotalResponseTime() {
        assertEquals(List.of("fast", "slow"), rank(ScoringMode.ACCURACY,
                new P("slow", 2000, 2, 8000, 1), new P("fast", 2000, 2, 3000, 2)));
    }

    @Test
    void exactTiesGoToTheEarlierJoiner() {
        assertEquals(List.of("first", "second"), rank(ScoringMode.CLASSIC,
                new P("second", 0, 0, 0, 2), new P("first", 0, 0, 0, 1)));
    }
}
