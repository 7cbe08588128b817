package app.quizroom.loadtest;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.DoubleStream;

/** Turns a run's measurements into the JSON report and the table printed from it. */
final class Report {

    private Report() {
    }

    /** Server facts that only the caller knows: whether it started the server, its flags and its log. */
    /** @param startMs a spawned server's process start → listening, in ms; -1 for a server started elsewhere */
    record ServerInfo(long pid, boolean spawned, List<String> jvmArgs, Map<String, String> env,
                      long blockedThreadWarnings, long startMs) {
    }

    static JsonObject json(LoadOptions o, GameRun.Outcome run, BareProbe.Result bare, ServerInfo server,
                           double loadBefore) {
        List<RoomResult> rooms = run.rooms();
        int questions = rooms.stream().mapToInt(r -> r.questionFanoutMs().length).max().orElse(0);
        JsonObject json = new JsonObject()
                .put("tool", "quizroom-loadtest")
                .put("date", OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString())
                .put("machine", new JsonObject()
                        .put("cores", Runtime.getRuntime().availableProcessors())
                        .put("loadAverage1mBefore", loadBefore)
                        .put("toolJvm", System.getProperty("java.vm.version"))
                        .put("toolMaxHeapMiB", Runtime.getRuntime().maxMemory() >> 20))
                .put("settings", new JsonObject()
                        .put("rooms", o.rooms())
                        .put("playersPerRoom", o.players())
                        .put("questions", o.questions())
                        .put("windowMs", o.windowMs())
                        .put("readingSeconds", o.readingSeconds())
                        .put("timeLimitSeconds", o.timeLimitSeconds())
                        .put("joinConcurrency", o.joinConcurrency())
                        .put("bank", o.bank())
                        .put("warmupPlayers", o.warmupPlayers())
                        .put("nodes", new JsonArray(o.nodes().stream().map(n -> n.host() + ":" + n.port()).toList())));

        long[] joins = rooms.stream().mapToLong(RoomResult::joinMs).toArray();
        json.put("join", new JsonObject()
                .put("players", run.seated())
                .put("allJoinedMs", joins.length == 0 ? null : java.util.Arrays.stream(joins).max().getAsLong())
                .put("roomMedianMs", Stats.round(Stats.median(java.util.Arrays.stream(joins).asDoubleStream().toArray()))));

        JsonArray perQuestion = new JsonArray();
        double[] fanouts = new double[questions];
        for (int q = 0; q < questions; q++) {
            int index = q;
            fanouts[q] = worst(rooms, r -> r.questionFanoutMs()[index]);
            perQuestion.add(new JsonObject()
                    .put("index", q)
                    .put("questionBytes", rooms.stream().mapToInt(r -> r.questionBytes()[index]).max().orElse(0))
                    .put("questionFanoutMs", Stats.round(fanouts[q]))
                    .put("questionFanoutRoomMedianMs", Stats.round(Stats.median(values(rooms, r -> r.questionFanoutMs()[index]))))
                    .put("answeringSpreadMs", Stats.round(worst(rooms, r -> r.answeringSpreadMs()[index])))
                    .put("revealMs", Stats.round(worst(rooms, r -> r.revealMs()[index])))
                    .put("resultFanoutMs", Stats.round(worst(rooms, r -> r.resultFanoutMs()[index])))
                    .put("resultAfterRevealMs", Stats.round(worst(rooms, r -> r.resultAfterRevealMs()[index])))
                    .put("ackLatencyMs", Stats.latencies(rooms.stream()
                            .flatMapToDouble(r -> DoubleStream.of(r.ackLatenciesMs()[index])).toArray())));
        }
        json.put("questions", perQuestion);
        double questionFanout = Stats.median(fanouts);
        json.put("questionFanoutMedianMs", Stats.round(questionFanout));
        json.put("resultAfterRevealMaxMs", Stats.round(worstOverQuestions(rooms, RoomResult::resultAfterRevealMs)));
        json.put("podiumFanoutMs", Stats.round(worst(rooms, RoomResult::podiumFanoutMs)));
        json.put("finishedFanoutMs", Stats.round(worst(rooms, RoomResult::finishedFanoutMs)));

        double[] acks = rooms.stream().flatMap(r -> java.util.Arrays.stream(r.ackLatenciesMs()))
                .flatMapToDouble(DoubleStream::of).toArray();
        json.put("ackLatencyMs", Stats.latencies(acks));
        Map<String, Integer> refusals = new TreeMap<>();
        rooms.forEach(r -> r.refusals().forEach((k, v) -> refusals.merge(k, v, Integer::sum)));
        json.put("answers", new JsonObject()
                .put("sent", rooms.stream().mapToInt(RoomResult::answersSent).sum())
                .put("acked", rooms.stream().mapToInt(RoomResult::acked).sum())
                .put("duplicateAcks", rooms.stream().mapToInt(RoomResult::duplicateAcks).sum())
                .put("lost", rooms.stream().mapToInt(RoomResult::lost).sum())
                .put("ackedAfterResult", rooms.stream().mapToInt(RoomResult::acksAfterResult).sum())
                .put("refused", new JsonObject(new TreeMap<String, Object>(refusals))));
        Map<String, Integer> joinErrors = new TreeMap<>();
        rooms.forEach(r -> r.joinErrors().forEach((k, v) -> joinErrors.merge(k, v, Integer::sum)));
        json.put("players", new JsonObject()
                .put("expected", o.rooms() * o.players())
                .put("seated", run.seated())
                .put("joinErrors", new JsonObject(new TreeMap<String, Object>(joinErrors)))
                .put("joinRetries", rooms.stream().mapToInt(RoomResult::joinRetries).sum())
                .put("dropped", rooms.stream().mapToInt(RoomResult::dropped).sum())
                .put("missingAQuestion", rooms.stream().mapToInt(RoomResult::playersMissingAQuestion).sum())
                .put("missingAResult", rooms.stream().mapToInt(RoomResult::playersMissingAResult).sum())
                .put("missingFinal", rooms.stream().mapToInt(RoomResult::playersMissingFinal).sum()));

        JsonObject serverJson = new JsonObject().put("pid", server.pid()).put("spawned", server.spawned())
                .put("jar", o.serverJar() == null ? null : o.serverJar().toAbsolutePath().toString())
                .put("jvmArgs", new JsonArray(List.copyOf(server.jvmArgs())))
                .put("env", new JsonObject(new TreeMap<String, Object>(server.env())))
                .put("blockedThreadWarnings", server.blockedThreadWarnings())
                .put("startMs", server.startMs());
        if (run.serverBefore().rssKiB() >= 0 && run.serverAfter().rssKiB() >= 0) {
            int seated = Math.max(1, run.seated());
            serverJson.put("cpuSecondsJoin", Stats.round(run.serverJoined().cpuSeconds() - run.serverBefore().cpuSeconds()))
                    .put("cpuSecondsPlay", Stats.round(run.serverAfter().cpuSeconds() - run.serverJoined().cpuSeconds()))
                    .put("cpuSeconds", Stats.round(run.serverAfter().cpuSeconds() - run.serverBefore().cpuSeconds()))
                    .put("rssIdleKiB", run.serverBefore().rssKiB())
                    .put("rssJoinedKiB", run.serverJoined().rssKiB())
                    .put("rssAfterKiB", run.serverAfter().rssKiB())
                    .put("rssPeakKiB", run.serverAfter().peakRssKiB())
                    .put("rssPerPlayerKiB", Stats.round((run.serverJoined().rssKiB() - run.serverBefore().rssKiB())
                            / (double) seated))
                    .put("rssTotalPerPlayerKiB", Stats.round(run.serverJoined().rssKiB() / (double) seated));
        }
        json.put("server", serverJson);
        json.put("loadTool", new JsonObject()
                .put("cpuSeconds", Stats.round(run.toolAfter().cpuSeconds() - run.toolBefore().cpuSeconds()))
                .put("rssKiB", run.toolAfter().rssKiB())
                .put("wallSeconds", Stats.round(run.wallSeconds())));
        json.put("playEpochMs", new JsonObject().put("started", run.playStartedEpochMs())
                .put("ended", run.playEndedEpochMs()));

        if (bare != null) {
            double bareMedian = Stats.median(bare.fanoutMs());
            double floorMedian = Stats.median(bare.floorMs());
            json.put("bare", new JsonObject()
                    .put("clients", bare.clients())
                    .put("process", bare.childProcess() ? "child" : "in the load tool's JVM")
                    .put("frameBytes", bare.frameBytes())
                    .put("fanoutMs", new JsonArray(DoubleStream.of(bare.fanoutMs()).mapToObj(Stats::round).toList()))
                    .put("fanoutMedianMs", Stats.round(bareMedian))
                    .put("floorMs", new JsonArray(DoubleStream.of(bare.floorMs()).mapToObj(Stats::round).toList()))
                    .put("floorMedianMs", Stats.round(floorMedian))
                    .put("burstAckP50Ms", new JsonArray(DoubleStream.of(bare.burstAckP50Ms()).mapToObj(Stats::round).toList()))
                    .put("burstAckP99Ms", new JsonArray(DoubleStream.of(bare.burstAckP99Ms()).mapToObj(Stats::round).toList()))
                    .put("burstAckP99MedianMs", Stats.round(Stats.median(bare.burstAckP99Ms())))
                    .put("problems", new JsonArray(List.copyOf(bare.problems()))));
            json.put("R", Stats.round(questionFanout / floorMedian));
            json.put("RText", Stats.round(questionFanout / bareMedian));
        }

        JsonArray problems = new JsonArray();
        run.problems().forEach(problems::add);
        rooms.forEach(r -> r.problems().forEach(problems::add));
        json.put("problems", problems);
        JsonObject answers = json.getJsonObject("answers");
        JsonObject players = json.getJsonObject("players");
        boolean ok = problems.isEmpty()
                && players.getInteger("seated") == o.rooms() * o.players()
                && players.getInteger("dropped") == 0
                && players.getInteger("missingAQuestion") == 0
                && players.getInteger("missingAResult") == 0
                && players.getInteger("missingFinal") == 0
                && answers.getInteger("acked").equals(answers.getInteger("sent"))
                && answers.getInteger("duplicateAcks") == 0
                && answers.getInteger("lost") == 0
                && refusals.isEmpty();
        json.put("ok", ok);
        return json;
    }

    /** The worst (largest) value over rooms, ignoring rooms where the phase never completed. */
    private static double worst(List<RoomResult> rooms, Function<RoomResult, Double> value) {
        return Stats.max(values(rooms, value));
    }

    private static double[] values(List<RoomResult> rooms, Function<RoomResult, Double> value) {
        return rooms.stream().mapToDouble(r -> value.apply(r)).filter(v -> !Double.isNaN(v)).toArray();
    }

    private static double worstOverQuestions(List<RoomResult> rooms, Function<RoomResult, double[]> value) {
        return rooms.stream().flatMapToDouble(r -> DoubleStream.of(value.apply(r))).filter(v -> !Double.isNaN(v))
                .max().orElse(Double.NaN);
    }

    /** The human-readable table, from the JSON so that both always agree. */
    static String table(JsonObject j) {
        StringBuilder s = new StringBuilder();
        JsonObject set = j.getJsonObject("settings");
        s.append(String.format("%nQuizroom load test  %s  (load %.2f before)%n", j.getString("date"),
                j.getJsonObject("machine").getDouble("loadAverage1mBefore")));
        s.append(String.format("rooms %d × players %d, %d questions, answers over %d ms, reading %d s%n",
                set.getInteger("rooms"), set.getInteger("playersPerRoom"), set.getInteger("questions"),
                set.getLong("windowMs"), set.getInteger("readingSeconds")));
        if (!set.getJsonArray("nodes", new JsonArray()).isEmpty()) {
            s.append("nodes ").append(String.join(",", set.getJsonArray("nodes").stream().map(String::valueOf).toList()))
                    .append(" (rooms round-robin, players round-robin from their room's node)").append(String.format("%n"));
        }
        JsonObject players = j.getJsonObject("players");
        JsonObject answers = j.getJsonObject("answers");
        row(s, "players seated / expected", players.getInteger("seated") + " / " + players.getInteger("expected"));
        row(s, "join: all in (ms)", j.getJsonObject("join").getValue("allJoinedMs"));
        row(s, "join refusals / retries after rate_limited", players.getJsonObject("joinErrors").encode() + " / "
                + players.getInteger("joinRetries"));
        row(s, "players dropped", players.getInteger("dropped"));
        row(s, "missing question / result / final", players.getInteger("missingAQuestion") + " / "
                + players.getInteger("missingAResult") + " / " + players.getInteger("missingFinal"));
        s.append(String.format("%-4s %6s %13s %10s %9s %9s %15s %9s %9s%n", "q", "bytes", "question fan", "answering",
                "reveal", "results", "results-reveal", "ack p99", "ack max"));
        for (Object o : j.getJsonArray("questions")) {
            JsonObject q = (JsonObject) o;
            s.append(String.format("%-4d %6d %13s %10s %9s %9s %15s %9s %9s%n", q.getInteger("index"),
                    q.getInteger("questionBytes"), q.getValue("questionFanoutMs"), q.getValue("answeringSpreadMs"),
                    q.getValue("revealMs"), q.getValue("resultFanoutMs"), q.getValue("resultAfterRevealMs"),
                    q.getJsonObject("ackLatencyMs").getValue("p99"), q.getJsonObject("ackLatencyMs").getValue("max")));
        }
        row(s, "question fan-out, median of questions (ms)", j.getValue("questionFanoutMedianMs"));
        if (j.containsKey("bare")) {
            JsonObject bare = j.getJsonObject("bare");
            row(s, "bare writeTextMessage fan-out to " + bare.getInteger("clients") + " (ms)",
                    bare.getValue("fanoutMedianMs") + "  " + bare.getJsonArray("fanoutMs").encode());
            row(s, "bare encode-once floor to " + bare.getInteger("clients") + " (ms)",
                    bare.getValue("floorMedianMs") + "  " + bare.getJsonArray("floorMs").encode());
            row(s, "R = question fan-out / floor", j.getValue("R"));
            row(s, "bare ack floor, all answer at once: p99 (ms)",
                    bare.getValue("burstAckP99MedianMs") + "  " + bare.getJsonArray("burstAckP99Ms").encode()
                            + "  p50 " + bare.getJsonArray("burstAckP50Ms").encode());
            row(s, "question fan-out / writeTextMessage", j.getValue("RText"));
        }
        row(s, "podium (final) fan-out (ms)", j.getValue("podiumFanoutMs"));
        JsonObject ack = j.getJsonObject("ackLatencyMs");
        row(s, "answer ack p50 / p99 / max (ms)", ack.getValue("p50") + " / " + ack.getValue("p99") + " / "
                + ack.getValue("max") + "  (" + ack.getInteger("count") + " acks)");
        row(s, "answers sent / acked / lost / dup acks", answers.getInteger("sent") + " / " + answers.getInteger("acked")
                + " / " + answers.getInteger("lost") + " / " + answers.getInteger("duplicateAcks"));
        row(s, "answers refused", answers.getJsonObject("refused").encode());
        row(s, "acks that came after the result", answers.getInteger("ackedAfterResult"));
        JsonObject server = j.getJsonObject("server");
        if (server.containsKey("cpuSeconds")) {
            row(s, "server CPU s: join / play / total", server.getValue("cpuSecondsJoin") + " / "
                    + server.getValue("cpuSecondsPlay") + " / " + server.getValue("cpuSeconds"));
            row(s, "server RSS KiB: idle / joined / peak", server.getValue("rssIdleKiB") + " / "
                    + server.getValue("rssJoinedKiB") + " / " + server.getValue("rssPeakKiB"));
            row(s, "server RSS per player KiB (growth / total)", server.getValue("rssPerPlayerKiB") + " / "
                    + server.getValue("rssTotalPerPlayerKiB"));
        }
        row(s, "blocked-thread warnings", server.getValue("blockedThreadWarnings"));
        row(s, "load tool CPU s", j.getJsonObject("loadTool").getValue("cpuSeconds"));
        for (Object p : j.getJsonArray("problems")) {
            s.append("PROBLEM: ").append(p).append('\n');
        }
        s.append(j.getBoolean("ok") ? "OK: every answer acknowledged once, nobody dropped\n" : "NOT OK\n");
        return s.toString();
    }

    private static void row(StringBuilder s, String label, Object value) {
        s.append(String.format("%-44s %s%n", label, value));
    }
}
