package app.quizroom.loadtest;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Plays M rooms at once against a running server, each driven by its own thread, and samples the server's
 * process before the joins, once everyone is in and idle, and after the game.
 */
public final class GameRun {

    /** How long the server is left alone before an idle memory reading. */
    private static final long SETTLE_MS = 2_000;

    /**
     * What the run measured: each room, the server process at three moments, and when (wall clock, epoch ms) the
     * rooms were let start and the last one finished, to line a profile of the server up with the play.
     */
    public record Outcome(List<RoomResult> rooms, ProcStats.Sample serverBefore, ProcStats.Sample serverJoined,
                          ProcStats.Sample serverAfter, ProcStats.Sample toolBefore, ProcStats.Sample toolAfter,
                          double wallSeconds, long playStartedEpochMs, long playEndedEpochMs, List<String> problems) {

        /** Players seated, over all rooms. */
        public int seated() {
            return rooms.stream().mapToInt(RoomResult::seated).sum();
        }
    }

    private GameRun() {
    }

    /** One Vert.x for every simulated client, with pools wide enough for thousands of sockets to one server. */
    static Vertx clientVertx() {
        return Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2 * Runtime.getRuntime().availableProcessors()));
    }

    static WebSocketClient playerClient(Vertx vertx) {
        return vertx.createWebSocketClient(new WebSocketClientOptions()
                .setMaxConnections(LoadOptions.MAX_CONNECTIONS + 1_000)
                .setConnectTimeout(30_000)
                .setTryUsePerFrameCompression(false)
                .setTryUsePerMessageCompression(false));
    }

    public static Outcome run(LoadOptions options) throws InterruptedException {
        Vertx vertx = clientVertx();
        try {
            return run(options, vertx);
        } finally {
            try {
                vertx.close().await(20, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // closing anyway
            }
        }
    }

    static Outcome run(LoadOptions options, Vertx vertx) throws InterruptedException {
        HttpClient http = vertx.createHttpClient(new HttpClientOptions(), new PoolOptions().setHttp1MaxSize(32));
        WebSocketClient players = playerClient(vertx);
        // The host receives the podium with every standing: about 100 bytes per player in one message.
        WebSocketClient hosts = vertx.createWebSocketClient(new WebSocketClientOptions()
                .setMaxConnections(2_000)
                .setConnectTimeout(30_000)
                .setMaxMessageSize(64 * 1024 * 1024));
        Clients clients = new Clients(vertx, http, players, hosts);

        long started = System.nanoTime();
        ProcStats.Sample toolBefore = ProcStats.read("self");
        ProcStats.Sample before = ProcStats.read(options.serverPid());
        List<SimRoom> rooms = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        CountDownLatch allJoined = new CountDownLatch(options.rooms());
        CountDownLatch startGate = new CountDownLatch(1);
        for (int r = 0; r < options.rooms(); r++) {
            SimRoom room = new SimRoom(r, options, clients);
            rooms.add(room);
            Thread t = new Thread(() -> room.run(allJoined, startGate), "room-" + r);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        long joinBound = options.phaseTimeoutMs() * 3 + options.players() * 20L;
        if (!allJoined.await(joinBound, TimeUnit.MILLISECONDS)) {
            problems.add("not every room had joined after " + joinBound + " ms; starting anyway");
        }
        Thread.sleep(SETTLE_MS);
        ProcStats.Sample joined = ProcStats.read(options.serverPid());
        long playStarted = System.currentTimeMillis();
        startGate.countDown();

        long playBound = options.phaseTimeoutMs() * (6L + 4L * options.questions())
                + (long) options.questions() * (options.readingSeconds() + options.timeLimitSeconds()) * 1000L;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(playBound);
        for (Thread t : threads) {
            t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            if (t.isAlive()) {
                problems.add(t.getName() + " still running after " + playBound + " ms; abandoned");
            }
        }
        long playEnded = System.currentTimeMillis();
        ProcStats.Sample after = ProcStats.read(options.serverPid());
        ProcStats.Sample toolAfter = ProcStats.read("self");
        List<RoomResult> results = new ArrayList<>();
        for (SimRoom room : rooms) {
            RoomResult result = room.result;
            if (result != null) {
                results.add(result);
            } else {
                problems.add("a room produced no result (its thread did not finish)");
            }
        }
        return new Outcome(results, before, joined, after, toolBefore, toolAfter,
                (System.nanoTime() - started) / 1e9, playStarted, playEnded, problems);
    }
}
