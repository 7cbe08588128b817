package app.quizroom.support;

import app.quizroom.bank.Bank;
import app.quizroom.bank.BankLoader;
import app.quizroom.config.Config;
import app.quizroom.config.LanAddresses;
import app.quizroom.server.QuizServer;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The real server on a free port of 127.0.0.1, loaded with the bundled banks, plus an HTTP client for it.
 *
 * <p>It is also a JUnit extension that closes itself after each test: registered with {@code @RegisterExtension} on
 * an instance field, a test gets a server started with its test instance and closed once it has run (and its
 * {@code @AfterEach} methods too).
 */
public final class TestServer implements AutoCloseable, AfterEachCallback {

    /** Where the games of a test server take their seeds from. */
    public static final long SEED = 20_261_129L;

    /** Servers started and not yet closed, for the diagnostics written when a test hangs. */
    private static final List<TestServer> LIVE = new CopyOnWriteArrayList<>();

    public final QuizServer server;
    public final Vertx clientVertx = Vertx.vertx();
    // A fresh connection per request: a test never depends on a pooled keep-alive connection's state.
    private final Context clientContext = clientVertx.getOrCreateContext();
    private final HttpClient http = clientVertx.createHttpClient(new HttpClientOptions().setKeepAlive(false));
    public final int port;
    /** The banks the server offered when it started (its library rescans the folder as it changes). */
    public final List<Bank> banks;
    /** WebSocket clients opened through {@link #client()}, closed with the server. */
    private final List<WsClient> clients = new CopyOnWriteArrayList<>();
    /** The folder of the results database this server made for itself, deleted when it closes; null if given one. */
    private Path databaseDir;

    /** Starts a server with the real clock and Vert.x timers. */
    public static TestServer start() {
        return start(Clock.SYSTEM, null, Map.of());
    }

    /** Starts a server whose time is the test's. */
    public static TestServer start(ManualTime time) {
        return start(time, time, Map.of());
    }

    /** Starts a server with the real clock and these QUIZROOM_* settings over the test defaults. */
    public static TestServer start(Map<String, String> env) {
        return start(Clock.SYSTEM, null, env);
    }

    /** Starts a server on this clock and scheduler (null: Vert.x timers) with these QUIZROOM_* settings. */
    public static TestServer start(Clock clock, Scheduler scheduler, Map<String, String> env) {
        return new TestServer(clock, scheduler, env, LanAddresses::ofThisMachine);
    }

    /**
     * Starts a server that sees these LAN addresses instead of the machine's, where phones are sent unless
     * QUIZROOM_PUBLIC_URL is set (pass it as "" to leave it unset).
     */
    public static TestServer start(Clock clock, Scheduler scheduler, Map<String, String> env,
                                   Supplier<List<LanAddresses.Candidate>> network) {
        return new TestServer(clock, scheduler, env, network);
    }

    private TestServer(Clock clock, Scheduler scheduler, Map<String, String> env,
                       Supplier<List<LanAddresses.Candidate>> network) {
        Map<String, String> settings = new HashMap<>(env);
        settings.put("QUIZROOM_PORT", "0");
        settings.putIfAbsent("QUIZROOM_BIND", "127.0.0.1");
        settings.putIfAbsent("QUIZROOM_PUBLIC_URL", "http://127.0.0.1:0");
        settings.putIfAbsent("QUIZROOM_BANKS", projectRoot().resolve("questions").toString());
        settings.putIfAbsent("QUIZROOM_GAMES_PER_MINUTE", "100000");
        if (!settings.containsKey("QUIZROOM_DB")) {
            databaseDir = newDatabaseDir();
            settings.put("QUIZROOM_DB", databaseDir.resolve("results.db").toString());
        }
        Config config = Config.fromEnv(settings);
        BankLoader.Result loaded = BankLoader.loadFolder(config.banksDir());
        if (!loaded.problems().isEmpty()) {
            throw new IllegalStateException("bundled banks do not load: " + loaded.problems());
        }
        // Games take their seeds from a fixed sequence, so a run replays exactly (shuffles, names, teams).
        server = new QuizServer(config, clock, scheduler, new Random(SEED)::nextLong, network);
        await(server.start());
        banks = server.library().current().banks();
        port = server.port();
        LIVE.add(this);
    }

    /**
     * A fresh folder for a results database, in memory (/dev/shm) where the machine has it: the server syncs every
     * acknowledged answer to disk, and on a disk those syncs took about a third of the end-to-end tests' time.
     */
    private static Path newDatabaseDir() {
        Path memory = Path.of("/dev/shm");
        try {
            return Files.isDirectory(memory) && Files.isWritable(memory)
                    ? Files.createTempDirectory(memory, "quizroom-test-db")
                    : Files.createTempDirectory("quizroom-test-db");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The project's top folder (set by Maven; the parent of server/ otherwise). */
    public static Path projectRoot() {
        String root = System.getProperty("quizroom.projectRoot");
        Path path = root != null ? Path.of(root) : Path.of("..");
        if (!Files.isDirectory(path.resolve("questions"))) {
            path = Path.of(".");
        }
        return path.toAbsolutePath().normalize();
    }

    public Bank bank(String id) {
        return banks.stream().filter(b -> b.id().equals(id)).findFirst().orElseThrow();
    }

    /** Creates a game over HTTP and returns the JSON answer (pin, hostToken, ...). */
    public JsonObject createGame(JsonObject options) {
        Response r = request(HttpMethod.POST, "/api/games", options.encode());
        if (r.status != 201) {
            throw new IllegalStateException("create game failed: " + r.status + " " + r.body);
        }
        return new JsonObject(r.body);
    }

    public record Response(int status, String body, String contentType, io.vertx.core.MultiMap headers) {
    }

    public Response request(HttpMethod method, String path, String body) {
        return request(method, path, body, Map.of());
    }

    public Response request(HttpMethod method, String path, String body, Map<String, String> headers) {
        return request("127.0.0.1", method, path, body, headers);
    }

    /**
     * A request to this server at {@code address} (one of the machine's addresses the server listens on). A body
     * goes as {@code application/json} unless the headers say otherwise, as the web client sends it.
     */
    public Response request(String address, HttpMethod method, String path, String body, Map<String, String> headers) {
        // The whole exchange runs on the client's event loop. Chained from this (test) thread, a callback could run
        // here after the response had already ended on the loop, and body() would then wait for data gone by.
        Promise<Response> result = Promise.promise();
        clientContext.runOnContext(ignored -> http.request(method, port, address, path)
                .compose(req -> {
                    if (body != null) {
                        req.putHeader("Content-Type", "application/json");
                    }
                    headers.forEach(req::putHeader);
                    return body == null ? req.send() : req.send(Buffer.buffer(body));
                })
                .compose((HttpClientResponse res) -> res.body().map(b ->
                        new Response(res.statusCode(), b.toString(), res.getHeader("Content-Type"), res.headers())))
                .onComplete(result));
        return await(result.future());
    }

    /** A request whose body is these bytes, sent with the content type the headers give. */
    public Response requestBytes(String address, HttpMethod method, String path, byte[] body,
                                 Map<String, String> headers) {
        Promise<Response> result = Promise.promise();
        clientContext.runOnContext(ignored -> http.request(method, port, address, path)
                .compose(req -> {
                    headers.forEach(req::putHeader);
                    return req.send(Buffer.buffer(body));
                })
                .compose((HttpClientResponse res) -> res.body().map(b ->
                        new Response(res.statusCode(), b.toString(), res.getHeader("Content-Type"), res.headers())))
                .onComplete(result));
        return await(result.future());
    }

    /** A game's report as a teacher's page fetches it, with the game's host key. */
    public Response report(long gameId, String hostKey) {
        return request(HttpMethod.GET, "/api/reports/" + gameId, null, Map.of("X-Host-Key", hostKey));
    }

    /** The server's Prometheus page. */
    public String metrics() {
        return request(HttpMethod.GET, "/metrics", null).body();
    }

    /** A metric's value from {@link #metrics()}, summed over its labels; -1 if the server publishes no such series. */
    public double metric(String name) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{[^}]*})? ([0-9.eE+]+)$").matcher(metrics());
        double total = 0;
        boolean found = false;
        while (m.find()) {
            total += Double.parseDouble(m.group(1));
            found = true;
        }
        return found ? total : -1;
    }

    /** A WebSocket client that this server closes when it is closed (tests need not track their clients). */
    public WsClient client() {
        WsClient c = connect();
        clients.add(c);
        return c;
    }

    /**
     * A WebSocket client from another address of the loopback network (127.0.0.2, ...), as a phone on another
     * machine would be; closed with the server.
     */
    public WsClient clientFrom(String localAddress) {
        WsClient c = WsClient.connect(clientVertx, port, localAddress);
        clients.add(c);
        return c;
    }

    /** A WebSocket client the caller closes. */
    public WsClient connect() {
        return WsClient.connect(clientVertx, port);
    }

    public static <T> T await(Future<T> future) {
        try {
            return future.await(20, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            dumpThreads();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** On a hang, every thread's stack goes to target/hang-*.txt for diagnosis. */
    private static void dumpThreads() {
        StringBuilder dump = new StringBuilder();
        for (TestServer live : LIVE) {
            dump.append("=== server on port ").append(live.port).append(" metrics\n");
            live.server.scrapeMetrics().lines().filter(l -> l.startsWith("vertx_http_server") || l.startsWith("quizroom"))
                    .forEach(l -> dump.append(l).append('\n'));
        }
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            dump.append('"').append(thread.getName()).append("\" ").append(thread.getState()).append('\n');
            for (StackTraceElement frame : stack) {
                dump.append("    at ").append(frame).append('\n');
            }
        });
        try {
            Files.writeString(Path.of("target", "hang-" + System.nanoTime() + ".txt"), dump);
        } catch (IOException ignored) {
            System.err.println(dump);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    /** Closes the server and its clients; a second call does nothing. */
    @Override
    public void close() {
        if (!LIVE.remove(this)) {
            return;
        }
        clients.forEach(WsClient::close);
        await(server.stop());
        await(clientVertx.close());
        if (databaseDir != null) {
            deleteFolder(databaseDir);
            databaseDir = null;
        }
    }

    private static void deleteFolder(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }
}
