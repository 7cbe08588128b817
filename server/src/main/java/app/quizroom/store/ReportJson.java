package app.quizroom.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The teacher's report as JSON, computed from the stored rows: per question the share right, the distribution,
 * the average time, the most common wrong answer and the hardest three; per student the score, rank and answers.
 * Field names and order are the ones docs/protocol.md (2.6) documents; {@code null} fields are written.
 */
final class ReportJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int HARDEST = 3;

    private ReportJson() {
    }

    /** The list of games. */
    static ArrayNode summaries(List<GameSummary> games) {
        ArrayNode list = NODES.arrayNode();
        games.forEach(g -> list.add(summary(g)));
        return list;
    }

    /** One game's report: the game with its settings, its questions and its players. */
    static ObjectNode report(GameSummary game, GameRows rows) {
        ObjectNode summary = summary(game);
        summary.set("settings", Json.tree(game.settingsJson()));
        ObjectNode report = NODES.objectNode();
        report.set("game", summary);
        report.set("questions", questions(rows));
        report.set("players", players(rows));
        return report;
    }

    private static ObjectNode summary(GameSummary s) {
        ObjectNode g = NODES.objectNode();
        g.put("id", s.id());
        g.put("pin", s.pin());
        g.put("bankId", s.bankId());
        g.put("bankTitle", s.bankTitle());
        g.put("createdAt", s.createdAt());
        g.put("startedAt", s.startedAt());
        g.put("endedAt", s.endedAt());
        g.put("status", s.status());
        g.put("endedEarly", s.endedEarly());
        g.put("questionCount", s.questionCount());
        g.put("unsavedCount", s.unsavedCount());
        g.put("playerCount", s.playerCount());
        g.put("takenOverAt", s.takenOverAt());
        g.put("takenOverBy", s.takenOverBy());
        g.put("takenOverCause", s.takenOverCause());
        return g;
    }

    private static ArrayNode questions(GameRows rows) {
        List<GameRows.Player> present = rows.present();
        List<ObjectNode> questions = rows.questions().stream().map(q -> question(q, present, rows)).toList();
        // The three questions with the lowest share of right answers (polls aside) are highlighted.
        questions.stream().filter(r -> !r.get("percentCorrect").isNull() && r.get("answered").asInt() > 0
                        && r.get("percentCorrect").asDouble() < 100)
                .sorted(Comparator.comparingDouble(r -> r.get("percentCorrect").asDouble()))
                .limit(HARDEST).forEach(r -> r.put("hardest", true));
        ArrayNode array = NODES.arrayNode();
        questions.forEach(array::add);
        return array;
    }

    private static ObjectNode question(GameRows.Question q, List<GameRows.Player> present, GameRows rows) {
        ObjectNode node = NODES.objectNode();
        node.put("index", q.index());
        node.put("questionId", q.questionId());
        node.put("type", q.type());
        node.put("prompt", q.prompt());
        ArrayNode options = node.putArray("options");
        q.options().forEach(options::add);
        node.set("solution", q.solution());
        node.put("points", q.points());
        node.put("explanation", q.explanation());
        node.put("skill", q.skill());
        int answered = 0;
        int correct = 0;
        long timeSum = 0;
        int[] counts = new int[q.options().size()];
        Map<String, Integer> wrong = new LinkedHashMap<>();
        Map<String, Integer> wrongOption = new HashMap<>();
        for (GameRows.Player p : present) {
            GameRows.Answer a = rows.answer(q, p);
            if (a == null) {
                continue;
            }
            answered++;
            timeSum += a.responseMs();
            if (a.credit() >= 1) {
                correct++;
            }
            JsonNode picks = a.given().has("option") ? NODES.arrayNode().add(a.given().get("option").asInt())
                    : a.given().get("options");
            if (picks != null) {
                picks.forEach(i -> {
                    if (i.asInt() >= 0 && i.asInt() < counts.length) {
                        counts[i.asInt()]++;
                    }
                });
            }
            if (a.credit() < 1 && !q.isPoll()) {
                String given = q.describe(a.given());
                wrong.merge(given, 1, Integer::sum);
                if (a.given().has("option")) {
                    wrongOption.put(given, a.given().get("option").asInt());
                }
            }
        }
        node.put("answered", answered);
        node.put("playerCount", present.size());
        node.put("correctCount", correct);
        node.put("percentCorrect", q.isPoll() || present.isEmpty() ? null
                : Math.round(1000.0 * correct / present.size()) / 10.0);
        node.put("averageResponseMs", answered == 0 ? null : timeSum / answered);
        ArrayNode distribution = node.putArray("counts");
        for (int count : counts) {
            distribution.add(count);
        }
        wrong.entrySet().stream().max(Map.Entry.comparingByValue()).ifPresent(e -> {
            ObjectNode misconception = node.putObject("commonWrongAnswer");
            misconception.put("answer", e.getKey());
            misconception.put("count", e.getValue());
            Integer option = wrongOption.get(e.getKey());
            if (option != null && q.optionExplanations() != null && option < q.optionExplanations().size()) {
                misconception.put("explanation", q.optionExplanations().get(option));
            }
        });
        node.put("hardest", false);
        return node;
    }

    private static ArrayNode players(GameRows rows) {
        int lastScored = rows.lastScored();
        List<ObjectNode> players = rows.present().stream().map(p -> player(p, rows, lastScored)).toList();
        ArrayNode array = NODES.arrayNode();
        players.stream()
                .sorted(Comparator.comparing((ObjectNode r) -> r.get("rank").isNull() ? Integer.MAX_VALUE
                        : r.get("rank").asInt()).thenComparing(r -> -r.get("score").asInt()))
                .forEach(array::add);
        return array;
    }

    private static ObjectNode player(GameRows.Player p, GameRows rows, int lastScored) {
        ObjectNode node = NODES.objectNode();
        node.put("playerId", p.id());
        node.put("nickname", p.nickname());
        node.put("team", p.team());
        GameRows.Score last = lastScored < 0 ? null : rows.score(lastScored, p);
        int score = p.finalScore() != null ? p.finalScore() : last == null ? 0 : last.total();
        Integer rank = p.finalRank() != null ? p.finalRank() : last == null ? null : last.rank();
        node.put("score", score);
        node.put("rank", rank);
        int correct = 0;
        ArrayNode answers = node.putArray("answers");
        for (GameRows.Question q : rows.questions()) {
            GameRows.Answer a = rows.answer(q, p);
            GameRows.Score s = rows.score(q.index(), p);
            boolean right = a != null && a.credit() >= 1 && !q.isPoll();
            ObjectNode answer = answers.addObject();
            answer.put("question", q.index());
            answer.put("answer", a == null ? null : q.describe(a.given()));
            answer.put("correct", right);
            answer.put("credit", a == null ? 0 : a.credit());
            answer.put("points", s == null ? null : s.points());
            answer.put("responseMs", a == null ? null : a.responseMs());
            if (right) {
                correct++;
            }
        }
        node.put("correctCount", correct);
        return node;
    }
}
