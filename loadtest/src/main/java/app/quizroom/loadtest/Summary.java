package app.quizroom.loadtest;

import io.vertx.core.json.JsonObject;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Summarises JSON reports of the load tool as Markdown tables, one row per shape (rooms × players × window),
 * each figure as min / median / max over the completed runs of that shape ("ok" counts them).
 * Run: {@code java -cp quizroom-loadtest.jar app.quizroom.loadtest.Summary results/*.json}.
 */
public final class Summary {

    private record Column(String title, Function<JsonObject, Object> value) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("join all in ms", j -> j.getJsonObject("join").getValue("allJoinedMs")),
            new Column("question fan-out ms", j -> j.getValue("questionFanoutMedianMs")),
            new Column("start fan-out ms (q 0)", j -> question(j, 0).getValue("questionFanoutMs")),
            new Column("next fan-out ms (later q, median)", Summary::laterFanout),
            new Column("writeTextMessage fan-out ms", j -> j.containsKey("bare") ? j.getJsonObject("bare").getValue("fanoutMedianMs") : null),
            new Column("encode-once floor ms", j -> j.containsKey("bare") ? j.getJsonObject("bare").getValue("floorMedianMs") : null),
            new Column("R (÷ floor)", j -> j.getValue("R")),
            new Column("results after reveal ms (worst q)", j -> j.getValue("resultAfterRevealMaxMs")),
            new Column("ack p50 ms", j -> j.getJsonObject("ackLatencyMs").getValue("p50")),
            new Column("ack p99 ms", j -> j.getJsonObject("ackLatencyMs").getValue("p99")),
            new Column("ack max ms", j -> j.getJsonObject("ackLatencyMs").getValue("max")),
            new Column("server's own ack p99 ms", j -> serverSeries(j, "quizroom_answer_acknowledged_seconds{quantile=\"0.99\"", 1000)),
            new Column("bare ack floor p99 ms", j -> j.containsKey("bare") ? j.getJsonObject("bare").getValue("burstAckP99MedianMs") : null),
            new Column("q 0 ack p99 ms", j -> question(j, 0).getJsonObject("ackLatencyMs").getValue("p99")),
            new Column("later q ack p99 ms (worst)", Summary::laterAckP99),
            new Column("server start ms", j -> j.getJsonObject("server").getValue("startMs")),
            new Column("server CPU s", j -> j.getJsonObject("server").getValue("cpuSeconds")),
            new Column("RSS growth / player KiB", j -> j.getJsonObject("server").getValue("rssPerPlayerKiB")),
            new Column("load tool CPU s", j -> j.getJsonObject("loadTool").getValue("cpuSeconds")),
            new Column("load avg before", j -> j.getJsonObject("machine").getValue("loadAverage1mBefore")));

    private Summary() {
    }

    /** A series the tool read from the server's metrics at the end of the run, scaled; null if absent. */
    private static Object serverSeries(JsonObject run, String prefix, double scale) {
        JsonObject metrics = run.getJsonObject("serverMetrics", new JsonObject());
        return metrics.fieldNames().stream().filter(name -> name.startsWith(prefix)).findFirst()
                .map(name -> (Object) Stats.round(metrics.getDouble(name) * scale)).orElse(null);
    }

    private static JsonObject question(JsonObject run, int index) {
        return run.getJsonArray("questions").getJsonObject(index);
    }

    /** Median fan-out of the questions after the first (each opened by the host's {@code next}). */
    private static Object laterFanout(JsonObject run) {
        int n = run.getJsonArray("questions").size();
        if (n < 2) {
            return null;
        }
        double[] ms = new double[n - 1];
        for (int i = 1; i < n; i++) {
            ms[i - 1] = question(run, i).getDouble("questionFanoutMs");
        }
        return Stats.round(Stats.median(ms));
    }

    private static Object laterAckP99(JsonObject run) {
        int n = run.getJsonArray("questions").size();
        double worst = -1;
        for (int i = 1; i < n; i++) {
            worst = Math.max(worst, question(run, i).getJsonObject("ackLatencyMs").getDouble("p99"));
        }
        return worst < 0 ? null : Stats.round(worst);
    }

    public static void main(String[] args) throws Exception {
        Map<String, List<JsonObject>> byShape = new TreeMap<>();
        for (String file : args) {
            JsonObject j = new JsonObject(Files.readString(Path.of(file)));
            JsonObject s = j.getJsonObject("settings");
            StringBuilder shape = new StringBuilder(String.format("%03d rooms × %05d players, window %d ms",
                    s.getInteger("rooms"), s.getInteger("playersPerRoom"), s.getLong("windowMs")));
            // server settings beyond the tool's usual ones make a shape of their own
            JsonObject env = j.getJsonObject("server").getJsonObject("env", new JsonObject());
            env.fieldNames().stream().sorted().filter(k -> !LoadOptions.SPAWN_ENV.containsKey(k))
                    .forEach(k -> shape.append(", ").append(k).append('=').append(env.getString(k)));
            byShape.computeIfAbsent(shape.toString(), k -> new ArrayList<>()).add(j);
        }
        StringBuilder out = new StringBuilder("| shape | runs | ok |");
        COLUMNS.forEach(c -> out.append(' ').append(c.title()).append(" |"));
        out.append("\n|---|---|---|");
        COLUMNS.forEach(c -> out.append("---|"));
        out.append('\n');
        byShape.forEach((shape, runs) -> {
            long ok = runs.stream().filter(j -> j.getBoolean("ok", false)).count();
            out.append("| ").append(shape.replaceAll("\\b0+(\\d)", "$1")).append(" | ").append(runs.size())
                    .append(" | ").append(ok).append('/').append(runs.size()).append(" |");
            // Figures come from the runs that completed; a run that failed (a dropped host, say) has none to give.
            List<JsonObject> complete = runs.stream().filter(j -> j.getBoolean("ok", false)).toList();
            for (Column c : COLUMNS) {
                out.append(' ').append(spread(complete, c.value())).append(" |");
            }
            out.append('\n');
        });
        System.out.print(out);
    }

    /** "min / median / max" of a figure over runs, or "–" if no run has it. */
    private static String spread(List<JsonObject> runs, Function<JsonObject, Object> value) {
        double[] values = runs.stream().map(j -> {
            try {
                return value.apply(j);
            } catch (RuntimeException e) {
                return null;
            }
        }).filter(v -> v instanceof Number).mapToDouble(v -> ((Number) v).doubleValue()).sorted().toArray();
        if (values.length == 0) {
            return "–";
        }
        return fmt(values[0]) + " / " + fmt(Stats.median(values)) + " / " + fmt(values[values.length - 1]);
    }

    private static String fmt(double v) {
        return Math.abs(v) >= 100 ? String.format("%.0f", v) : Math.abs(v) >= 10 ? String.format("%.1f", v)
                : String.format("%.2f", v);
    }
}
