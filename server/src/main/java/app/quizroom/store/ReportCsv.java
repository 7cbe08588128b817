package app.quizroom.store;

/**
 * One game's results as a spreadsheet: one row per player per question (nickname, team, question number, prompt,
 * answer given, correct, points, response time in ms). UTF-8 with a byte-order mark (so spreadsheets read Cyrillic
 * and accents right), RFC 4180 quoting, CRLF line ends; docs/protocol.md (2.6) has the columns.
 */
final class ReportCsv {

    private ReportCsv() {
    }

    static String csv(GameRows rows) {
        StringBuilder out = new StringBuilder("\uFEFF");
        row(out, "nickname", "team", "question", "prompt", "answer", "correct", "points", "response_ms");
        // As in the report: removed players are not among the class's results.
        for (GameRows.Player p : rows.present()) {
            for (GameRows.Question q : rows.questions()) {
                GameRows.Answer a = rows.answer(q, p);
                GameRows.Score score = rows.score(q.index(), p);
                row(out, p.nickname(), p.team() == null ? "" : p.team(), Integer.toString(q.index() + 1), q.prompt(),
                        a == null ? "" : q.describe(a.given()),
                        a == null ? "no answer" : q.isPoll() ? "poll" : a.credit() >= 1 ? "yes"
                                : a.credit() > 0 ? "partly" : "no",
                        score == null ? "" : Integer.toString(score.points()),
                        a == null ? "" : Long.toString(a.responseMs()));
            }
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String... cells) {
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
}
