package app.quizroom.loadtest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one room measured. Times are in ms; a per-question time is NaN where the phase never completed.
 *
 * @param questionFanoutMs    host's {@code start}/{@code next} sent → last player has the {@code question}
 * @param answeringSpreadMs   first → last player to get {@code answering} (opened by the server's timer)
 * @param revealMs            last answer sent → host has the {@code reveal}
 * @param resultFanoutMs      last answer sent → last player has the {@code result}
 * @param resultAfterRevealMs first of (host's reveal, first result) → last result: the reveal's own fan-out
 * @param questionBytes       size of the largest {@code question} frame a player got
 * @param podiumFanoutMs      host's command sent, plus the podium's reveal time → last player has {@code final}
 * @param finishedFanoutMs    host's {@code next} sent → last player has {@code finished}
 * @param ackLatenciesMs      per question, per acknowledged answer: answer sent → {@code answerAck} received
 * @param acked               answers acknowledged at least once
 * @param duplicateAcks       answers acknowledged more than once
 * @param lost                answers sent and neither acknowledged nor refused
 * @param acksAfterResult     answers whose acknowledgement came after the player's {@code result} for that question
 */
record RoomResult(int room, int expectedPlayers, int seated, Map<String, Integer> joinErrors, int joinRetries,
                  int dropped,
                  long joinMs, double[] questionFanoutMs, double[] answeringSpreadMs, double[] revealMs,
                  double[] resultFanoutMs, double[] resultAfterRevealMs, int[] questionBytes,
                  double podiumFanoutMs, double finishedFanoutMs, double[][] ackLatenciesMs, int answersSent,
                  int acked, int duplicateAcks, Map<String, Integer> refusals, int lost, int acksAfterResult,
                  int playersMissingAQuestion, int playersMissingAResult, int playersMissingFinal,
                  List<String> problems) {

    /** {@code questions} is the number asked for; questions never reached are NaN, so rooms line up in the report. */
    static RoomResult of(int room, int expected, int questions, List<SimPlayer> players, QuestionTrack[] tracks,
                         long joinMs, double podiumFanoutMs, double finishedFanoutMs, List<String> problems) {
        double[] fanout = neverReached(questions);
        double[] spread = neverReached(questions);
        double[] reveal = neverReached(questions);
        double[] results = neverReached(questions);
        double[] afterReveal = neverReached(questions);
        int[] bytes = new int[questions];
        for (int q = 0; q < tracks.length; q++) {
            QuestionTrack t = tracks[q];
            fanout[q] = between(t.commandAt, t.lastQuestion.get());
            spread[q] = between(t.firstAnswering.get(), t.lastAnswering.get());
            reveal[q] = between(t.lastAnswerSent.get(), t.revealAt);
            results[q] = between(t.lastAnswerSent.get(), t.lastResult.get());
            long firstSign = t.revealAt == 0 ? t.firstResult.get() : Math.min(t.revealAt, t.firstResult.get());
            afterReveal[q] = between(firstSign, t.lastResult.get());
            bytes[q] = t.questionBytes;
        }
        Map<String, Integer> joinErrors = new TreeMap<>();
        Map<String, Integer> refusals = new TreeMap<>();
        List<List<Double>> acks = new ArrayList<>();
        for (int q = 0; q < questions; q++) {
            acks.add(new ArrayList<>());
        }
        int seated = 0;
        int retries = 0;
        int dropped = 0;
        int sent = 0;
        int acked = 0;
        int duplicates = 0;
        int lost = 0;
        int late = 0;
        int missingQuestion = 0;
        int missingResult = 0;
        int missingFinal = 0;
        for (SimPlayer p : players) {
            retries += p.joinRetries;
            if (!p.seated) {
                joinErrors.merge(p.joinError == null ? "no answer" : p.joinError, 1, Integer::sum);
                continue;
            }
            seated++;
            if (p.dropped) {
                dropped++;
            }
            p.countRefusals(refusals);
            boolean allQuestions = true;
            boolean allResults = true;
            for (int q = 0; q < tracks.length; q++) {
                allQuestions &= p.questionAt[q] != 0;
                allResults &= p.resultAt[q] != 0;
                if (p.answerSentAt[q] == 0) {
                    continue;
                }
                sent++;
                if (p.acks[q] > 0) {
                    acked++;
                    acks.get(q).add((p.ackAt[q] - p.answerSentAt[q]) / 1e6);
                    if (p.acks[q] > 1) {
                        duplicates++;
                    }
                    if (p.resultAt[q] != 0 && p.ackAt[q] > p.resultAt[q]) {
                        late++;
                    }
                } else if (p.refused[q] == null) {
                    lost++;
                    if (lost <= 5) {
                        problems = new ArrayList<>(problems);
                        problems.add("room " + room + ": " + p.name + "'s answer to question " + q + " got no answerAck"
                                + " and no error; its result says answered=" + p.resultSaysAnswered[q]
                                + (p.dropped ? " (socket dropped)" : ""));
                    }
                }
            }
            missingQuestion += allQuestions ? 0 : 1;
            missingResult += allResults ? 0 : 1;
            missingFinal += p.finalAt != 0 ? 0 : 1;
        }
        for (int i = players.size(); i < expected; i++) {
            joinErrors.merge("never started", 1, Integer::sum);
        }
        double[][] ackMs = acks.stream().map(l -> l.stream().mapToDouble(Double::doubleValue).toArray())
                .toArray(double[][]::new);
        return new RoomResult(room, expected, seated, joinErrors, retries, dropped, joinMs, fanout, spread, reveal, results,
                afterReveal, bytes, podiumFanoutMs, finishedFanoutMs, ackMs, sent, acked, duplicates, refusals, lost, late,
                missingQuestion, missingResult, missingFinal, List.copyOf(problems));
    }

    /** A time per question, NaN for each until its question is reached. */
    private static double[] neverReached(int questions) {
        double[] times = new double[questions];
        Arrays.fill(times, Double.NaN);
        return times;
    }

    /** {@code to − from} in ms, or NaN when either end never happened. */
    private static double between(long from, long to) {
        boolean missing = from == 0 || to == 0 || from == Long.MIN_VALUE || from == Long.MAX_VALUE
                || to == Long.MIN_VALUE || to == Long.MAX_VALUE;
        return missing ? Double.NaN : (to - from) / 1e6;
    }
}
