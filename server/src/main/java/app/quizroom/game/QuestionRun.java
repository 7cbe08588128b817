package app.quizroom.game;

import app.quizroom.bank.Option;
import app.quizroom.bank.Question;
import app.quizroom.bank.QuestionType;
import app.quizroom.protocol.ClientMessage;
import app.quizroom.protocol.ErrorCode;
import app.quizroom.protocol.ServerMessage;
import app.quizroom.scoring.AnswerValue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * One question as played in a room: the order its options are displayed in, its timing, and the translation
 * between what phones send (displayed indices) and the bank's terms. Owned by the room: the phase machine writes
 * the times, the answer desk the count of answers.
 */
final class QuestionRun {

    /** An answer in bank terms, or a {@link Refusal} ({@code invalid_answer}) saying why it does not fit. */
    sealed interface Translation permits Translated, Refusal {
    }

    record Translated(AnswerValue value) implements Translation {
    }

    private static final double MAX_NUMERIC = 1e12;

    final int index;
    final Question question;
    final long timeLimitMs;
    /** displayed position → bank index */
    private final int[] shown;
    /** bank index → displayed position */
    private final int[] position;
    long introEndsAt;
    long talkEndsAt;
    long openedAt;
    long deadline;
    int answered;

    QuestionRun(int index, Question question, int timeLimitSeconds, boolean shuffleOptions, Random random) {
        this.index = index;
        this.question = question;
        this.timeLimitMs = timeLimitSeconds * 1000L;
        int n = question.options().size();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        if (question.type() == QuestionType.ORDER) {
            // The bank's order is the answer: never show it as is.
            do {
                Collections.shuffle(order, random);
            } while (n > 1 && isIdentity(order));
        } else if (shuffleOptions && question.type() != QuestionType.TRUEFALSE) {
            Collections.shuffle(order, random);
        }
        shown = order.stream().mapToInt(Integer::intValue).toArray();
        position = new int[n];
        for (int d = 0; d < n; d++) {
            position[shown[d]] = d;
        }
    }

    /** The option order of question {@code index} depends only on the game's seed and that index. */
    static Random optionShuffle(long seed, int index) {
        return new Random(seed ^ (0x9E3779B97F4A7C15L * (index + 1)));
    }

    private static boolean isIdentity(List<Integer> order) {
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i) != i) {
                return false;
            }
        }
        return true;
    }

    List<String> displayedTexts() {
        List<String> texts = new ArrayList<>(shown.length);
        for (int bankIndex : shown) {
            texts.add(question.options().get(bankIndex).text());
        }
        return texts;
    }

    int optionCount() {
        return shown.length;
    }

    /** Checks an answer against the question's shape and translates it into bank terms. */
    Translation toBank(ClientMessage.Answer a) {
        return switch (question.type()) {
            case SINGLE, TRUEFALSE, POLL -> choice(a.option());
            case MULTI -> choices(a.options());
            case ORDER -> ordering(a.order());
            case NUMERIC -> number(a.value());
        };
    }

    private Translation choice(Integer option) {
        if (option == null) {
            return invalid("this question needs 'option', the index of one option");
        }
        if (outOfRange(option)) {
            return outOfRangeRefusal(option);
        }
        return new Translated(new AnswerValue.Choice(Set.of(shown[option])));
    }

    private Translation choices(List<Integer> options) {
        if (options == null || options.isEmpty()) {
            return invalid("this question needs 'options', a list of one or more option indices");
        }
        Set<Integer> picks = new HashSet<>();
        for (Integer d : options) {
            if (d != null && outOfRange(d)) {
                return outOfRangeRefusal(d);
            }
            if (d == null || !picks.add(shown[d])) {
                return invalid("'options' must list distinct option indices");
            }
        }
        return new Translated(new AnswerValue.Choice(picks));
    }

    private Translation ordering(List<Integer> items) {
        int n = shown.length;
        if (items == null || items.size() != n) {
            return invalid("this question needs 'order', all " + n + " item indices in your order");
        }
        List<Integer> order = new ArrayList<>(n);
        Set<Integer> seen = new HashSet<>();
        for (Integer d : items) {
            if (d == null || !seen.add(d)) {
                return invalid("'order' must list each item index once");
            }
            if (outOfRange(d)) {
                return outOfRangeRefusal(d);
            }
            order.add(shown[d]);
        }
        return new Translated(new AnswerValue.Ordering(order));
    }

    private static Translation number(Double value) {
        if (value == null || !Double.isFinite(value) || Math.abs(value) > MAX_NUMERIC) {
            return invalid("this question needs 'value', a number");
        }
        return new Translated(new AnswerValue.Number(value));
    }

    private boolean outOfRange(int displayed) {
        return displayed < 0 || displayed >= shown.length;
    }

    private Refusal outOfRangeRefusal(int displayed) {
        return invalid("index " + displayed + " is out of range 0–" + (shown.length - 1));
    }

    private static Refusal invalid(String message) {
        return new Refusal(ErrorCode.INVALID_ANSWER, message);
    }

    /** The right answer in displayed terms; empty for polls. */
    ServerMessage.Solution solution() {
        return switch (question.type()) {
            case SINGLE, MULTI, TRUEFALSE -> new ServerMessage.Solution(
                    question.correct().stream().map(b -> position[b]).sorted().toList(), null, null, null);
            case ORDER -> {
                List<Integer> order = new ArrayList<>();
                for (int b = 0; b < shown.length; b++) {
                    order.add(position[b]);
                }
                yield new ServerMessage.Solution(null, order, null, null);
            }
            case NUMERIC -> new ServerMessage.Solution(null, null, question.numericAnswer(), question.tolerance());
            case POLL -> new ServerMessage.Solution(null, null, null, null);
        };
    }

    /** Per-option explanations in displayed order (null where the bank has none). */
    List<String> optionExplanations() {
        List<String> list = new ArrayList<>(shown.length);
        boolean any = false;
        for (int bankIndex : shown) {
            String e = question.options().get(bankIndex).explanation();
            any |= e != null;
            list.add(e);
        }
        return any ? list : null;
    }

    /** The bank's explanation of the option a player picked, when it was the wrong pick in a one-answer question. */
    String explanationOfPick(AnswerRecord record) {
        boolean oneRightOption = question.type() == QuestionType.SINGLE || question.type() == QuestionType.TRUEFALSE;
        if (!oneRightOption || record == null || record.credit() >= 1
                || !(record.value() instanceof AnswerValue.Choice c) || c.picks().size() != 1) {
            return null;
        }
        Option picked = question.options().get(c.picks().iterator().next());
        return picked.explanation();
    }

    /** How the class answered, over the answers given. */
    ServerMessage.Stats stats(Collection<AnswerRecord> answers) {
        int n = shown.length;
        int correct = 0;
        double creditSum = 0;
        List<Integer> counts = null;
        List<ServerMessage.ValueCount> values = null;
        if (question.type() == QuestionType.NUMERIC) {
            Map<Double, Integer> byValue = new TreeMap<>();
            for (AnswerRecord r : answers) {
                byValue.merge(((AnswerValue.Number) r.value()).value(), 1, Integer::sum);
            }
            values = byValue.entrySet().stream()
                    .sorted((x, y) -> Integer.compare(y.getValue(), x.getValue()))
                    .limit(50)
                    .map(e -> new ServerMessage.ValueCount(e.getKey(), e.getValue()))
                    .sorted((x, y) -> Double.compare(x.value(), y.value()))
                    .toList();
        } else {
            int[] tally = new int[n];
            for (AnswerRecord r : answers) {
                if (r.value() instanceof AnswerValue.Choice c) {
                    for (int b : c.picks()) {
                        tally[position[b]]++;
                    }
                } else if (r.value() instanceof AnswerValue.Ordering o) {
                    for (int place = 0; place < o.order().size(); place++) {
                        int b = o.order().get(place);
                        if (b == place) {
                            tally[position[b]]++;
                        }
                    }
                }
            }
            counts = Arrays.stream(tally).boxed().toList();
        }
        for (AnswerRecord r : answers) {
            creditSum += r.credit();
            if (r.credit() >= 1) {
                correct++;
            }
        }
        double average = answers.isEmpty() ? 0 : creditSum / answers.size();
        return new ServerMessage.Stats(counts, values, correct, Math.round(average * 1000) / 1000.0);
    }
}
