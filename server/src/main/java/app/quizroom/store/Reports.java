package app.quizroom.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The teacher's reports, read from the results database (blocking: call from a worker thread). Everything here
 * is computed from what was stored, so a report of an interrupted game shows the results up to the crash.
 */
public final class Reports {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int HARDEST = 3;

    private final Path file;

    public Reports(Path file) {
        this.file = file;
    }

    /** How a host key is kept: its SHA-256, so that the database never holds a usable key. */
    public static String hashKey(String hostKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(hostKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every game, newest first (for a teacher who gave the password). */
    public ArrayNode listAll() throws SQLException {
        return list(null);
    }

    /** The games whose host keys are given, newest first. */
    public ArrayNode listByKeys(List<String> keys) throws SQLException {
        return list(keys.stream().map(Reports::hashKey).toList());
    }

    /** True if {@code hostKey} is the key of game {@code id}. */
    public boolean keyMatches(long id, String hostKey) throws SQLException {
        if (hostKey == null) {
            return false;
        }
        try (Connection c = open(); PreparedStatement s = c.prepareStatement("SELECT host_key_hash FROM games WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && MessageDigest.isEqual(rs.getString(1).getBytes(StandardCharsets.UTF_8),
                        hashKey(hostKey).getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private ArrayNode list(List<String> hashes) throws SQLException {
        ArrayNode list = NODES.arrayNode();
        if (hashes != null && hashes.isEmpty()) {
            return list;
        }
        String where = hashes == null ? "" : " WHERE g.host_key_hash IN (" + "?,".repeat(hashes.size() - 1) + "?)";
        String sql = "SELECT g.id, g.pin, g.bank_id, g.bank_title, g.created_at, g.started_at, g.ended_at, g.status,"
                + " g.question_count, g.unsaved_count, (SELECT count(*) FROM players p WHERE p.game_id = g.id AND p.kicked = 0)"
                + " FROM games g" + where + " ORDER BY g.created_at DESC, g.id DESC LIMIT 500";
        try (Connection c = open(); PreparedStatement s = c.prepareStatement(sql)) {
            if (hashes != null) {
                for (int i = 0; i < hashes.size(); i++) {
                    s.setString(i + 1, hashes.get(i));
                }
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    list.add(summary(rs));
                }
            }
        }
        return list;
    }

    private static ObjectNode summary(ResultSet rs) throws SQLException {
        ObjectNode g = NODES.objectNode();
        g.put("id", rs.getLong(1));
        g.put("pin", rs.getString(2));
        g.put("bankId", rs.getString(3));
        g.put("bankTitle", rs.getString(4));
        g.put("createdAt", rs.getLong(5));
        putLong(g, "startedAt", rs, 6);
        putLong(g, "endedAt", rs, 7);
        g.put("status", rs.getString(8));
        g.put("questionCount", rs.getInt(9));
        g.put("unsavedCount", rs.getInt(10));
        g.put("playerCount", rs.getInt(11));
        return g;
    }

    /** One game's report; null if there is no such game. */
    public ObjectNode report(long id) throws SQLException {
        try (Connection c = open()) {
            ObjectNode game;
            try (PreparedStatement s = c.prepareStatement("SELECT g.id, g.pin, g.bank_id, g.bank_title, g.created_at,"
                    + " g.started_at, g.ended_at, g.status, g.question_count, g.unsaved_count,"
                    + " (SELECT count(*) FROM players p WHERE p.game_id = g.id AND p.kicked = 0), g.settings_json"
                    + " FROM games g WHERE g.id = ?")) {
                s.setLong(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                    game = summary(rs);
                    game.set("settings", Json.tree(rs.getString(12)));
                }
            }
            Data data = load(c, id);
            ObjectNode report = NODES.objectNode();
            report.set("game", game);
            report.set("questions", questions(data));
            report.set("players", players(data));
            return report;
        }
    }

    /**
     * One row per player per question: nickname, team, question number, prompt, answer given, correct, points,
     * response time in ms. UTF-8 with a byte-order mark (so spreadsheets read Cyrillic and accents right), RFC 4180
     * quoting, CRLF line ends. Null if there is no such game.
     */
    public String csv(long id) throws SQLException {
        try (Connection c = open()) {
            try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM games WHERE id = ?")) {
                s.setLong(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                }
            }
            Data data = load(c, id);
            StringBuilder out = new StringBuilder("\uFEFF");
            row(out, "nickname", "team", "question", "prompt", "answer", "correct", "points", "response_ms");
            for (PlayerRow p : data.players) {
                if (p.kicked) {
                    continue; // as in the report: removed players are not among the class's results
                }
                for (QuestionRow q : data.questions) {
                    AnswerRow a = data.answers.get(key(q.index, p.id));
                    ScoreRow score = data.scores.get(key(q.index, p.id));
                    row(out, p.nickname, p.team == null ? "" : p.team, Integer.toString(q.index + 1), q.prompt,
                            a == null ? "" : describe(q, a.answer),
                            a == null ? "no answer" : q.type.equals("poll") ? "poll" : a.credit >= 1 ? "yes"
                                    : a.credit > 0 ? "partly" : "no",
                            score == null ? "" : Integer.toString(score.points),
                            a == null ? "" : Long.toString(a.responseMs));
                }
            }
            return out.toString();
        }
    }

    static void row(StringBuilder out, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(csvCell(cells[i]));
        }
        out.append("\r\n");
    }

    /** RFC 4180: quote a cell holding a comma, quote or line break, doubling its quotes; guard formula starts. */
    static String csvCell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !v.matches("-?\\d+(\\.\\d+)?")) {
            v = "'" + v; // a spreadsheet must not run a nickname as a formula
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    // ------------------------------------------------------------------ loading

    private record QuestionRow(int index, String questionId, String type, String prompt, List<String> options,
                               JsonNode solution, int points, long timeLimitMs, String explanation,
                               List<String> optionExplanations, String skill) {
    }

    private record PlayerRow(int id, String nickname, String team, boolean kicked, Integer finalRank,
                             Integer finalScore) {
    }

    private record AnswerRow(JsonNode answer, long responseMs, double credit) {
    }

    private record ScoreRow(int points, int bonus, int total, int rank) {
    }

    private record Data(List<QuestionRow> questions, List<PlayerRow> players, Map<Long, AnswerRow> answers,
                        Map<Long, ScoreRow> scores) {
    }

    private static long key(int question, int player) {
        return ((long) question << 32) | (player & 0xffffffffL);
    }

    private static Data load(Connection c, long id) throws SQLException {
        List<QuestionRow> questions = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT idx, question_id, type, prompt, options_json,"
                + " solution_json, points, time_limit_ms, explanation, option_explanations_json, skill FROM game_questions"
                + " WHERE game_id = ? ORDER BY idx")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    questions.add(new QuestionRow(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            Json.strings(rs.getString(5)), Json.tree(rs.getString(6)), rs.getInt(7), rs.getLong(8),
                            rs.getString(9), Json.strings(rs.getString(10)), rs.getString(11)));
                }
            }
        }
        List<PlayerRow> players = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT player_id, nickname, team, kicked, final_rank, final_score"
                + " FROM players WHERE game_id = ? ORDER BY player_id")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    players.add(new PlayerRow(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getInt(4) != 0,
                            (Integer) rs.getObject(5), (Integer) rs.getObject(6)));
                }
            }
        }
        Map<Long, AnswerRow> answers = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT question_idx, player_id, answer_json, response_ms, credit"
                + " FROM answers WHERE game_id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    answers.put(key(rs.getInt(1), rs.getInt(2)),
                            new AnswerRow(Json.tree(rs.getString(3)), rs.getLong(4), rs.getDouble(5)));
                }
            }
        }
        Map<Long, ScoreRow> scores = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT question_idx, player_id, points, bonus, total, rank"
                + " FROM scores WHERE game_id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    scores.put(key(rs.getInt(1), rs.getInt(2)),
                            new ScoreRow(rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6)));
                }
            }
        }
        return new Data(questions, players, answers, scores);
    }

    // ------------------------------------------------------------------ per question

    private static ArrayNode questions(Data data) {
        List<PlayerRow> present = data.players.stream().filter(p -> !p.kicked).toList();
        List<ObjectNode> rows = new ArrayList<>();
        for (QuestionRow q : data.questions) {
            ObjectNode node = NODES.objectNode();
            node.put("index", q.index);
            node.put("questionId", q.questionId);
            node.put("type", q.type);
            node.put("prompt", q.prompt);
            ArrayNode options = node.putArray("options");
            q.options.forEach(options::add);
            node.set("solution", q.solution);
            node.put("points", q.points);
            node.put("explanation", q.explanation);
            node.put("skill", q.skill);
            int answered = 0;
            int correct = 0;
            long timeSum = 0;
            int[] counts = new int[q.options.size()];
            Map<String, Integer> wrong = new LinkedHashMap<>();
            Map<String, Integer> wrongOption = new HashMap<>();
            for (PlayerRow p : present) {
                AnswerRow a = data.answers.get(key(q.index, p.id));
                if (a == null) {
                    continue;
                }
                answered++;
                timeSum += a.responseMs;
                if (a.credit >= 1) {
                    correct++;
                }
                JsonNode picks = a.answer.has("option") ? NODES.arrayNode().add(a.answer.get("option").asInt())
                        : a.answer.get("options");
                if (picks != null) {
                    picks.forEach(i -> {
                        if (i.asInt() >= 0 && i.asInt() < counts.length) {
                            counts[i.asInt()]++;
                        }
                    });
                }
                if (a.credit < 1 && !q.type.equals("poll")) {
                    String given = describe(q, a.answer);
                    wrong.merge(given, 1, Integer::sum);
                    if (a.answer.has("option")) {
                        wrongOption.put(given, a.answer.get("option").asInt());
                    }
                }
            }
            node.put("answered", answered);
            node.put("playerCount", present.size());
            node.put("correctCount", correct);
            node.put("percentCorrect", q.type.equals("poll") || present.isEmpty() ? null
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
                if (option != null && q.optionExplanations != null && option < q.optionExplanations.size()) {
                    misconception.put("explanation", q.optionExplanations.get(option));
                }
            });
            node.put("hardest", false);
            rows.add(node);
        }
        // The three questions with the lowest share of right answers (polls aside) are highlighted.
        rows.stream().filter(r -> !r.get("percentCorrect").isNull() && r.get("answered").asInt() > 0
                        && r.get("percentCorrect").asDouble() < 100)
                .sorted(Comparator.comparingDouble(r -> r.get("percentCorrect").asDouble()))
                .limit(HARDEST).forEach(r -> r.put("hardest", true));
        ArrayNode array = NODES.arrayNode();
        rows.forEach(array::add);
        return array;
    }

    // ------------------------------------------------------------------ per student

    private static ArrayNode players(Data data) {
        int lastScored = data.scores.keySet().stream().mapToInt(k -> (int) (k >> 32)).max().orElse(-1);
        List<ObjectNode> rows = new ArrayList<>();
        for (PlayerRow p : data.players) {
            if (p.kicked) {
                continue;
            }
            ObjectNode node = NODES.objectNode();
            node.put("playerId", p.id);
            node.put("nickname", p.nickname);
            node.put("team", p.team);
            ScoreRow last = lastScored < 0 ? null : data.scores.get(key(lastScored, p.id));
            int score = p.finalScore != null ? p.finalScore : last == null ? 0 : last.total;
            Integer rank = p.finalRank != null ? p.finalRank : last == null ? null : last.rank;
            node.put("score", score);
            node.put("rank", rank);
            int correct = 0;
            ArrayNode answers = node.putArray("answers");
            for (QuestionRow q : data.questions) {
                AnswerRow a = data.answers.get(key(q.index, p.id));
                ScoreRow s = data.scores.get(key(q.index, p.id));
                ObjectNode answer = answers.addObject();
                answer.put("question", q.index);
                answer.put("answer", a == null ? null : describe(q, a.answer));
                answer.put("correct", a != null && a.credit >= 1 && !q.type.equals("poll"));
                answer.put("credit", a == null ? 0 : a.credit);
                answer.put("points", s == null ? null : s.points);
                answer.put("responseMs", a == null ? null : a.responseMs);
                if (a != null && a.credit >= 1 && !q.type.equals("poll")) {
                    correct++;
                }
            }
            node.put("correctCount", correct);
            rows.add(node);
        }
        rows.sort(Comparator.comparing((ObjectNode r) -> r.get("rank").isNull() ? Integer.MAX_VALUE : r.get("rank").asInt())
                .thenComparing(r -> -r.get("score").asInt()));
        ArrayNode array = NODES.arrayNode();
        rows.forEach(array::add);
        return array;
    }

    /** An answer in words: the option texts picked, the items in the order given, or the number. */
    static String describe(QuestionRow q, JsonNode answer) {
        if (answer.has("value")) {
            return answer.get("value").asText().replaceAll("\\.0$", "");
        }
        List<String> parts = new ArrayList<>();
        JsonNode picks = answer.has("option") ? NODES.arrayNode().add(answer.get("option").asInt())
                : answer.has("options") ? answer.get("options") : answer.get("order");
        if (picks == null) {
            return "";
        }
        picks.forEach(i -> parts.add(i.asInt() >= 0 && i.asInt() < q.options.size() ? q.options.get(i.asInt()) : "?"));
        return String.join(answer.has("order") ? " → " : "; ", parts);
    }

    private static void putLong(ObjectNode node, String field, ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        if (rs.wasNull()) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }

    private Connection open() throws SQLException {
        return Database.open(file);
    }
}
