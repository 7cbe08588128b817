package app.quizroom.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One game's stored rows, as the report and the CSV read them: the questions shown (in order), the players (in
 * join order, kicked ones included), and each answer and score by question and player.
 */
record GameRows(List<Question> questions, List<Player> players, Map<Long, Answer> answers,
                Map<Long, Score> scores) {

    /** A question as played: texts and solution in displayed order. */
    record Question(int index, String questionId, String type, String prompt, List<String> options,
                    JsonNode solution, int points, long timeLimitMs, String explanation,
                    List<String> optionExplanations, String skill) {

        boolean isPoll() {
            return type.equals("poll");
        }

        /** An answer in words: the option texts picked, the items in the order given, or the number. */
        String describe(JsonNode answer) {
            if (answer.has("value")) {
                return answer.get("value").asText().replaceAll("\\.0$", "");
            }
            List<String> parts = new ArrayList<>();
            JsonNode picks = answer.has("option")
                    ? JsonNodeFactory.instance.arrayNode().add(answer.get("option").asInt())
                    : answer.has("options") ? answer.get("options") : answer.get("order");
            if (picks == null) {
                return "";
            }
            picks.forEach(i -> parts.add(i.asInt() >= 0 && i.asInt() < options.size() ? options.get(i.asInt()) : "?"));
            return String.join(answer.has("order") ? " → " : "; ", parts);
        }
    }

    /** {@code finalRank} and {@code finalScore} are null until the game is closed. */
    record Player(int id, String nickname, String team, boolean kicked, Integer finalRank, Integer finalScore) {
    }

    /** {@code given} is the answer as the player sent it, in displayed indices. */
    record Answer(JsonNode given, long responseMs, double credit) {
    }

    record Score(int points, int bonus, int total, int rank) {
    }

    /** The key of the maps {@link #answers} and {@link #scores}. */
    static long key(int question, int player) {
        return ((long) question << 32) | (player & 0xffffffffL);
    }

    /** The player's answer to the question, or null. */
    Answer answer(Question q, Player p) {
        return answers.get(key(q.index(), p.id()));
    }

    /** The player's score for the question, or null if it was not scored for them. */
    Score score(int questionIndex, Player p) {
        return scores.get(key(questionIndex, p.id()));
    }

    /** The index of the last question scored, or -1. */
    int lastScored() {
        return scores.keySet().stream().mapToInt(k -> (int) (k >> 32)).max().orElse(-1);
    }

    /** The players not kicked: the class whose results a report shows. */
    List<Player> present() {
        return players.stream().filter(p -> !p.kicked()).toList();
    }
}
