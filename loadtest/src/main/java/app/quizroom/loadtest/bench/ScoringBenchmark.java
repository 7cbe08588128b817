package app.quizroom.loadtest.bench;

import app.quizroom.bank.Option;
import app.quizroom.bank.Question;
import app.quizroom.bank.QuestionType;
import app.quizroom.scoring.AnswerValue;
import app.quizroom.scoring.Scoring;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Scoring one question for 10,000 answers, as the room does at the close of a question: credit, classic points
 * and the streak bonus for each answer.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ScoringBenchmark {

    static final int ANSWERS = 10_000;
    private static final long LIMIT_MS = 20_000;

    @Param({"single", "multi", "order"})
    public String type;

    private Question question;
    private AnswerValue[] answers;
    private long[] responseMs;

    @Setup
    public void setUp() {
        Random random = new Random(42);
        QuestionType t = QuestionType.fromWireName(type).orElseThrow();
        int n = t == QuestionType.ORDER ? 5 : 4;
        List<Option> options = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            options.add(new Option("Option number " + i, null));
        }
        Set<Integer> correct = switch (t) {
            case SINGLE -> Set.of(0);
            case MULTI -> Set.of(0, 2);
            default -> Set.of();
        };
        question = new Question("q", t, "A prompt of ordinary length for a classroom question?", options, correct,
                null, 0, null, 20, 1000, null, null, List.of(), null, 1);
        answers = new AnswerValue[ANSWERS];
        responseMs = new long[ANSWERS];
        for (int i = 0; i < ANSWERS; i++) {
            responseMs[i] = random.nextInt((int) LIMIT_MS);
            answers[i] = switch (t) {
                case SINGLE -> new AnswerValue.Choice(Set.of(random.nextInt(n)));
                case MULTI -> new AnswerValue.Choice(random.nextBoolean() ? Set.of(0, 2) : Set.of(random.nextInt(n)));
                default -> {
                    List<Integer> order = new ArrayList<>();
                    for (int k = 0; k < n; k++) {
                        order.add(k);
                    }
                    Collections.shuffle(order, random);
                    yield new AnswerValue.Ordering(order);
                }
            };
        }
    }

    @Benchmark
    public long scoreQuestionFor10000Answers() {
        long total = 0;
        for (int i = 0; i < ANSWERS; i++) {
            double credit = Scoring.credit(question, answers[i]);
            total += Scoring.classicPoints(question.points(), credit, responseMs[i], LIMIT_MS);
            if (credit >= 1) {
                total += Scoring.streakBonus(3);
            }
        }
        return total;
    }
}
