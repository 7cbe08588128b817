package app.quizroom.loadtest.bench;

import app.quizroom.scoring.Ranked;
import app.quizroom.scoring.Ranking;
import app.quizroom.scoring.ScoringMode;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Ranking 10,000 players once after a question, the way the room does (copy, sort with {@link Ranking#order},
 * number the ranks). The room's Player is package-private, so a record with the same {@link Ranked} view stands
 * in for it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RankingBenchmark {

    static final int PLAYERS = 10_000;

    /** What ranking reads of a player. */
    record Seat(int score, int correctCount, long correctTimeMs, int joinOrder) implements Ranked {
    }

    @Param({"classic", "accuracy"})
    public String mode;

    private Seat[] seats;
    private ScoringMode scoring;

    @Setup
    public void setUp() {
        Random random = new Random(7);
        scoring = ScoringMode.fromWireName(mode).orElseThrow();
        seats = new Seat[PLAYERS];
        for (int i = 0; i < PLAYERS; i++) {
            int correct = random.nextInt(6);
            // Scores in steps of 50 so that many players tie on points and the tie-breaks are exercised.
            seats[i] = new Seat(correct * 500 + random.nextInt(20) * 50, correct, random.nextInt(60_000), i + 1);
        }
    }

    @Benchmark
    public int[] rank10000Players() {
        List<Seat> sorted = new ArrayList<>(Arrays.asList(seats));
        sorted.sort(Ranking.order(scoring));
        int[] rankOfJoin = new int[PLAYERS + 1];
        for (int i = 0; i < sorted.size(); i++) {
            rankOfJoin[sorted.get(i).joinOrder()] = i + 1;
        }
        return rankOfJoin;
    }
}
