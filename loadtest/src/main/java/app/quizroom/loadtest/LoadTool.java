package app.quizroom.loadtest;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The load tool: one host and N players per room over real WebSockets to a Quizroom server on 127.0.0.1, M rooms
 * at once, then the bare broadcast baseline with the same client code. Prints a table and the JSON report; exits
 * 0 when every answer was acknowledged once and nobody dropped, 1 otherwise, 2 on bad options.
 * See docs/benchmarks.md for the commands.
 */
public final class LoadTool {

    private LoadTool() {
    }

    public static void main(String[] args) throws Exception {
        LoadCommand command = new LoadCommand();
        CommandLine cli = LoadCommand.commandLine(command);
        LoadOptions options;
        try {
            cli.parseArgs(args);
            if (cli.isUsageHelpRequested()) {
                cli.usage(System.out);
                return;
            }
            options = command.options();
        } catch (CommandLine.ParameterException | IllegalArgumentException e) {
            System.err.println(e.getMessage());
            cli.usage(System.err);
            System.exit(2);
            return;
        }
        JsonObject report = execute(options);
        System.out.print(Report.table(report));
        String json = report.encodePrettily();
        System.out.println("JSON " + report.encode());
        if (options.jsonOut() != null) {
            Files.writeString(options.jsonOut(), json + "\n");
        }
        System.exit(report.getBoolean("ok") ? 0 : 1);
    }

    /** Runs the game (starting the server first if asked), then the bare baseline; returns the JSON report. */
    public static JsonObject execute(LoadOptions options) throws Exception {
        double load = ProcStats.loadAverage();
        ServerProcess spawned = null;
        LoadOptions o = options;
        try {
            if (o.serverJar() != null) {
                spawned = ServerProcess.quizroom(o.serverJar(), o.serverJvmArgs(), o.serverEnv(), o.banksDir(),
                        Math.max(2_000, o.players()), Math.max(500, o.rooms()));
                o = o.withServer(spawned.port, spawned.pid());
                Thread.sleep(2_000); // let start-up settle before the idle reading
            }
            if (o.warmupPlayers() > 0) {
                GameRun.Outcome warm = GameRun.run(o.warmupGame());
                System.err.println("warm-up game: " + warm.seated() + " players" + (warm.problems().isEmpty()
                        && warm.rooms().stream().allMatch(r -> r.problems().isEmpty()) ? "" : " (with problems)"));
            }
            GameRun.Outcome outcome = GameRun.run(o);
            JsonObject metrics = ServerMetricsScrape.read(o.host(), o.port());
            BareProbe.Result bare = o.bare() ? bare(o, outcome) : null;
            long blocked = spawned == null ? -1 : spawned.blockedThreadWarnings();
            Map<String, String> env = new TreeMap<>();
            if (spawned != null) {
                env.putAll(LoadOptions.SPAWN_ENV);
                env.putAll(o.serverEnv());
            }
            Report.ServerInfo info = new Report.ServerInfo(o.serverPid(), spawned != null,
                    spawned == null ? List.of() : o.serverJvmArgs(), env, blocked, spawned == null ? -1 : spawned.startMs);
            return Report.json(o, outcome, bare, info, load).put("serverMetrics", metrics);
        } finally {
            if (spawned != null) {
                spawned.close();
            }
        }
    }

    /** The bare server fed the same number of clients and the size of the largest question frame seen. */
    private static BareProbe.Result bare(LoadOptions o, GameRun.Outcome outcome) throws Exception {
        int frameBytes = outcome.rooms().stream().flatMapToInt(r -> java.util.Arrays.stream(r.questionBytes()))
                .max().orElse(400);
        int clients = o.rooms() * o.players();
        Vertx vertx = GameRun.clientVertx();
        ServerProcess child = null;
        BareServer inProcess = null;
        try {
            int port;
            if (BareServer.class.getProtectionDomain().getCodeSource().getLocation().getPath().endsWith(".jar")) {
                child = ServerProcess.bare(o.serverJvmArgs());
                port = child.port;
            } else {
                // Run from classes (an IDE, Maven): no jar to start a child from, so the bare server shares this JVM.
                inProcess = new BareServer();
                port = ServerProcess.freePort();
                inProcess.start(port).await(30, TimeUnit.SECONDS);
            }
            BareProbe probe = new BareProbe(GameRun.playerClient(vertx), "127.0.0.1", port, o.phaseTimeoutMs());
            return probe.run(clients, frameBytes, o.bareRepeats(), o.joinConcurrency(), child != null);
        } finally {
            if (child != null) {
                child.close();
            }
            if (inProcess != null) {
                inProcess.stop().await(20, TimeUnit.SECONDS);
            }
            vertx.close().await(20, TimeUnit.SECONDS);
        }
    }
}
