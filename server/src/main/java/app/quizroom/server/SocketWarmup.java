package app.quizroom.server;

import app.quizroom.config.ClusterConfig;
import app.quizroom.config.Config;
import app.quizroom.support.Clock;
import app.quizroom.support.Tokens;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Plays one game over real loopback WebSockets, against a throwaway server started for it, before the real server
 * listens. {@link Warmup} plays in memory and leaves out the sockets; yet on this 2-core machine the JIT compiler
 * still spent more CPU than the event loops during a fresh server's first game of 1,000 players (the handshake,
 * Netty's and Vert.x's read and write paths, the socket links and the hand-overs between loops were compiled then,
 * some of them again because the in-memory links had been the only ones seen). Here every one of those runs a few
 * thousand times, with the types a real game has, so the first game of the day finds them compiled.
 *
 * <p>The throwaway server has its own folder (the warm-up bank, its database, deleted afterwards), its own Vert.x,
 * metrics and rooms, and listens on 127.0.0.1 only; nothing of it reaches the real server. Its players all answer
 * at once, as a class does on an easy question. {@code Main} then collects the garbage of both warm-ups before the
 * real server listens.
 */
public final class SocketWarmup {

    static final int PLAYERS = 150;
    private static final long PHASE_TIMEOUT_MS = 20_000;

    private SocketWarmup() {
    }

    /** Plays the game; returns how long it took, in milliseconds. Throws if the game did not go as played. */
    public static long run() throws Exception {
        return run(PLAYERS, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** Plays with {@code players} phones, the throwaway server's folder made under {@code parent} and removed. */
    static long run(int players, Path parent) throws Exception {
        long started = System.nanoTime();
        Path dir = Files.createTempDirectory(parent, "quizroom-socket-warmup-");
        QuizServer server = null;
        // Two loops, as the server has on this machine: some players on the room's loop, some on the other.
        Vertx clients = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        try {
            Path banks = Files.createDirectory(dir.resolve("banks"));
            Files.writeString(banks.resolve("warm-up.yaml"), Warmup.BANK);
            // A password of its own, so that nobody else on the machine creates games on it meanwhile.
            String password = Tokens.newToken();
            server = new QuizServer(Config.fromEnv(environment(dir, banks, players, password)), ClusterConfig.NONE,
                    Clock.SYSTEM);
            server.start().await(PHASE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            new Game(clients, server.port(), players, password).play();
        } finally {
            clients.close().await(PHASE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            if (server != null) {
                server.stop().await(PHASE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            }
            deleteAll(dir);
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    private static Map<String, String> environment(Path dir, Path banks, int players, String password)
            throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put("QUIZROOM_PORT", Integer.toString(freePort()));
        env.put("QUIZROOM_BIND", "127.0.0.1");
        env.put("QUIZROOM_BANKS", banks.toString());
        env.put("QUIZROOM_DB", dir.resolve("warm-up.db").toString());
        env.put("QUIZROOM_TEACHER_PASSWORD", password);
        env.put("QUIZROOM_JOINS_PER_SECOND", "100000");
        env.put("QUIZROOM_JOIN_BURST", "100000");
        env.put("QUIZROOM_CONNECTIONS_PER_ADDRESS", "1000000");
        env.put("QUIZROOM_MAX_PLAYERS", Integer.toString(Math.max(players, 2000)));
        env.put("QUIZROOM_SHUTDOWN_GRACE_SECONDS", "1");
        return env;
    }

    /**
     * A port that was free a moment ago. A fixed port (not 0) makes the server listen on every event loop, as the
     * real one does, so that sockets land on both loops.
     */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void deleteAll(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** The host and the phones of the game, as the load tool plays them; counts what each phone was sent. */
    private static final class Game {
        private final int port;
        private final int playerCount;
        private final String password;
        private final HttpClient http;
        private final WebSocketClient sockets;
        private final List<ClientWebSocket> open = new ArrayList<>();
        private final AtomicInteger acks = new AtomicInteger();
        private final AtomicInteger results = new AtomicInteger();
        private final AtomicInteger problems = new AtomicInteger();
        /** Each phone's last question frame, written and read on the phone's own loop. */
        private final Map<ClientWebSocket, JsonObject> shapes = new ConcurrentHashMap<>();
        private volatile CountDownLatch hosting = new CountDownLatch(1);
        private volatile CountDownLatch phase = new CountDownLatch(0);
        private volatile CountDownLatch hostStep = new CountDownLatch(0);
        private volatile int questionCount;

        Game(Vertx vertx, int port, int playerCount, String password) {
            this.password = password;
            this.port = port;
            this.playerCount = playerCount;
            this.http = vertx.createHttpClient();
            // Vert.x lets a client open 50 WebSockets to one server at a time unless told otherwise.
            this.sockets = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(playerCount + 1)
                    .setTryUsePerFrameCompression(false).setTryUsePerMessageCompression(false));
        }

        void play() throws Exception {
            JsonObject body = new JsonObject().put("bankId", "warm-up").put("readingSeconds", 0)
                    .put("shuffleOptions", false).put("classSize", playerCount);
            JsonObject game = http.request(HttpMethod.POST, port, "127.0.0.1", "/api/games")
                    .compose(req -> req.putHeader("Content-Type", "application/json")
                            .putHeader("X-Teacher-Password", password).send(Buffer.buffer(body.encode())))
                    .compose(res -> res.body().map(b -> {
                        if (res.statusCode() != 201) {
                            throw new IllegalStateException("POST /api/games: " + res.statusCode() + " " + b);
                        }
                        return new JsonObject(b);
                    }))
                    .await(PHASE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            String pin = game.getString("pin");
            ClientWebSocket host = connect(pin, this::onHost);
            host.writeTextMessage(new JsonObject().put("type", "host").put("pin", pin)
                    .put("hostToken", game.getString("hostToken")).encode());
            await(hosting, "hosting");

            phase = new CountDownLatch(playerCount);
            for (int i = 0; i < playerCount; i++) {
                String join = new JsonObject().put("type", "join").put("pin", pin).put("name", "Warm" + i).encode();
                ClientWebSocket[] player = new ClientWebSocket[1];
                player[0] = connect(pin, text -> onPlayer(player[0], text));
                player[0].writeTextMessage(join);
            }
            await(phase, "joins");

            for (int q = 0; q < questionCount; q++) {
                phase = new CountDownLatch(playerCount); // every result of the question
                hostStep = new CountDownLatch(1); // the host's reveal
                host.writeTextMessage(q == 0 ? "{\"type\":\"start\"}" : "{\"type\":\"next\"}");
                await(phase, "results of question " + q);
                await(hostStep, "reveal of question " + q);
                hostStep = new CountDownLatch(1); // the leaderboard
                host.writeTextMessage("{\"type\":\"next\"}");
                await(hostStep, "leaderboard of question " + q);
            }
            phase = new CountDownLatch(playerCount); // every phone's end of the game
            hostStep = new CountDownLatch(1);
            host.writeTextMessage("{\"type\":\"next\"}"); // the podium
            await(hostStep, "podium");
            host.writeTextMessage("{\"type\":\"next\"}"); // finished
            await(phase, "the end");
            // An acknowledgement is sent once the answer is committed, and may follow the end.
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PHASE_TIMEOUT_MS);
            while (acks.get() < playerCount * questionCount && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            if (acks.get() != playerCount * questionCount || results.get() != playerCount * questionCount
                    || problems.get() != 0) {
                throw new IllegalStateException("the socket warm-up had " + acks.get() + " acknowledgements and "
                        + results.get() + " results for " + playerCount * questionCount + " answers, and "
                        + problems.get() + " errors");
            }
            for (ClientWebSocket socket : open) {
                socket.close();
            }
        }

        private ClientWebSocket connect(String pin, Handler<String> onText) throws Exception {
            ClientWebSocket socket = sockets.webSocket();
            socket.textMessageHandler(onText); // before connecting, so that no frame is missed
            synchronized (open) {
                open.add(socket);
            }
            socket.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
                    .setURI("/ws?pin=" + pin)).await(PHASE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            return socket;
        }

        private void onHost(String text) {
            JsonObject m = new JsonObject(text);
            switch (m.getString("type", "")) {
                case "hosting" -> {
                    questionCount = m.getJsonObject("bank").getInteger("questionCount");
                    hosting.countDown();
                }
                case "reveal", "leaderboard", "podium" -> hostStep.countDown();
                case "error" -> problems.incrementAndGet();
                default -> {
                    // lobby, playerJoined, answerCount, question, answering, finished
                }
            }
        }

        private void onPlayer(ClientWebSocket socket, String text) {
            JsonObject m = new JsonObject(text);
            switch (m.getString("type", "")) {
                case "joined", "result", "finished" -> {
                    if ("result".equals(m.getString("type"))) {
                        results.incrementAndGet();
                    }
                    phase.countDown();
                }
                case "question" -> shapes.put(socket, m);
                case "answering" -> socket.writeTextMessage(answer(m.getInteger("index"), shapes.get(socket)));
                case "answerAck" -> {
                    if (Boolean.TRUE.equals(m.getBoolean("saved"))) {
                        acks.incrementAndGet();
                    }
                }
                case "error" -> problems.incrementAndGet();
                default -> {
                    // final, leaderboard and the like
                }
            }
        }

        /** An answer of the shape the question asks for, as a phone sends it. */
        private static String answer(int index, JsonObject question) {
            JsonObject a = new JsonObject().put("type", "answer").put("question", index).put("nonce", "w" + index);
            int options = Math.max(1, question.getInteger("optionCount", 0));
            switch (question.getString("questionType", "")) {
                case "multi" -> a.put("options", new JsonArray().add(0));
                case "order" -> {
                    JsonArray order = new JsonArray();
                    for (int i = 0; i < options; i++) {
                        order.add(i);
                    }
                    a.put("order", order);
                }
                case "numeric" -> a.put("value", 42);
                default -> a.put("option", index % options);
            }
            return a.encode();
        }

        private void await(CountDownLatch latch, String what) throws InterruptedException {
            if (!latch.await(PHASE_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the socket warm-up timed out waiting for " + what + " ("
                        + latch.getCount() + " missing)");
            }
        }
    }
}
