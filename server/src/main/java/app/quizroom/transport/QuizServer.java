package app.quizroom.transport;

import app.quizroom.bank.Bank;
import app.quizroom.config.Config;
import app.quizroom.game.Blocklist;
import app.quizroom.game.Clock;
import app.quizroom.game.GameOptions;
import app.quizroom.game.GameRecorder;
import app.quizroom.game.Room;
import app.quizroom.game.RoomRegistry;
import app.quizroom.game.Scheduler;
import app.quizroom.game.Tokens;
import app.quizroom.metrics.ServerMetrics;
import app.quizroom.protocol.Codec;
import app.quizroom.store.Reports;
import app.quizroom.store.ResultStore;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/** Assembles the server: Vert.x with metrics, the room loops, the HTTP and WebSocket endpoints, the sweeper. */
public final class QuizServer {

    public static final String WEBSOCKET_PATH = "/ws";
    private static final long SWEEP_INTERVAL_MS = 60_000;
    private static final java.security.SecureRandom SEEDS = new java.security.SecureRandom();
    private final LongSupplier seeds;

    private final Config config;
    private final Map<String, Bank> banks = new LinkedHashMap<>();
    private final Clock clock;
    private final Scheduler injectedScheduler;
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final RoomRegistry rooms;
    private final ServerMetrics metrics;
    private final AtomicInteger boundPort = new AtomicInteger();
    private final ResultStore store;
    private final java.util.concurrent.atomic.AtomicBoolean stopping = new java.util.concurrent.atomic.AtomicBoolean();
    private Vertx vertx;
    private RoomLoops loops;
    private Scheduler scheduler;
    private Room.Limits limits;

    /**
     * @param clock     the server's clock (tests inject a manual one)
     * @param scheduler timers for rooms; null to use Vert.x timers
     */
    public QuizServer(Config config, List<Bank> banks, Clock clock, Scheduler scheduler) {
        this(config, banks, clock, scheduler, SEEDS::nextLong);
    }

    /** @param seeds where each new game's seed comes from (tests pass a seeded sequence to replay a run) */
    public QuizServer(Config config, List<Bank> banks, Clock clock, Scheduler scheduler, LongSupplier seeds) {
        this.config = config;
        this.seeds = seeds;
        banks.forEach(b -> this.banks.put(b.id(), b));
        this.clock = clock;
        this.injectedScheduler = scheduler;
        this.rooms = new RoomRegistry(config.maxRooms());
        this.metrics = new ServerMetrics(registry, rooms::size);
        this.store = new ResultStore(config.dbFile(), config.dbQueue());
    }

    public Future<Void> start() {
        try {
            Blocklist blocklist = config.blocklistFile() == null ? Blocklist.defaults()
                    : Blocklist.withFile(config.blocklistFile());
            limits = new Room.Limits(config.maxPlayersPerRoom(), config.joinsPerSecond(), config.joinBurst(), blocklist);
        } catch (java.io.IOException e) {
            return Future.failedFuture(new IllegalArgumentException(
                    "cannot read QUIZROOM_BLOCKLIST_FILE " + config.blocklistFile() + ": " + e.getMessage()));
        }
        int loopCount = Math.max(1, Runtime.getRuntime().availableProcessors());
        store.start();
        store.onHealthChange(saving -> rooms.all().forEach(room -> room.execute(() -> room.storageChanged(saving))));
        vertx = Vertx.builder()
                .with(new VertxOptions().setEventLoopPoolSize(loopCount)
                        .setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)))
                .withMetrics(new MicrometerMetricsFactory(registry))
                .build();
        scheduler = injectedScheduler != null ? injectedScheduler : (delayMs, task) -> {
            long id = vertx.setTimer(Math.max(1, delayMs), ignored -> task.run());
            return () -> vertx.cancelTimer(id);
        };
        HttpApi api = new HttpApi(config, banks, this::createGame, registry, rooms::size, metrics::connectedPlayers,
                new Reports(config.dbFile()), store::flushed, this::joinUrl);
        Gateway gateway = new Gateway(rooms, clock, metrics, config, vertx, stopping::get);
        OriginPolicy origins = new OriginPolicy(config, this::publicUrl);
        // One server instance per event loop when the port is fixed; Vert.x shares the port between them.
        int instances = config.port() == 0 ? 1 : loopCount;
        return RoomLoops.deploy(vertx, loopCount)
                .compose(created -> {
                    loops = created;
                    return vertx.deployVerticle(() -> new HttpVerticle(api, gateway, origins),
                            new DeploymentOptions().setInstances(instances));
                })
                .map(id -> {
                    vertx.setPeriodic(SWEEP_INTERVAL_MS, ignored -> sweep());
                    return null;
                });
    }

    /**
     * The address phones are sent to. A configured URL on port 0 (a server started on a free port) takes the
     * port actually bound.
     */
    public String publicUrl() {
        String url = config.publicUrl();
        return url.endsWith(":0") ? url.substring(0, url.length() - 1) + boundPort.get() : url;
    }

    String joinUrl(String pin) {
        return publicUrl() + "/join/" + pin;
    }

    /** The port actually bound (useful when the configured port is 0). */
    public int port() {
        return boundPort.get();
    }

    /**
     * Shuts down gracefully: rooms stop taking joins and tell everyone, unfinished games are recorded as
     * interrupted, queued results are written (within the configured grace period), the database is closed.
     */
    public Future<Void> stop() {
        if (vertx == null || !stopping.compareAndSet(false, true)) {
            return Future.succeededFuture();
        }
        List<Future<Void>> closed = new java.util.ArrayList<>();
        for (Room room : rooms.all()) {
            io.vertx.core.Promise<Void> done = io.vertx.core.Promise.promise();
            closed.add(done.future());
            room.execute(() -> {
                room.shutdown("The server is shutting down. Your results so far are kept.");
                room.close();
                done.complete();
            });
        }
        long graceMs = config.shutdownGraceSeconds() * 1000L;
        return Future.join(closed).timeout(graceMs, java.util.concurrent.TimeUnit.MILLISECONDS)
                .otherwiseEmpty()
                .compose(ignored -> vertx.executeBlocking(() -> store.close(graceMs)))
                .eventually(() -> vertx.close())
                .mapEmpty();
    }

    /** The Prometheus text of every metric (as /metrics serves it). */
    public String scrapeMetrics() {
        return registry.scrape();
    }

    /** The results store (for tests and the shutdown path). */
    public ResultStore store() {
        return store;
    }

    private Map<String, Object> createGame(Bank bank, GameOptions options) {
        String hostToken = Tokens.newToken();
        long[] gameId = new long[1];
        // Kept with the game, so what each player saw can be replayed from it.
        long seed = seeds.getAsLong();
        Room room = rooms.create(pin -> {
            GameRecorder recorder = store.newGame(pin, bank.id(), bank.title(), Codec.json(Room.settingsOf(options)),
                    Reports.hashKey(hostToken), bank.questions().size(),
                    options.teams() == null ? null : options.teams().playersPick() ? "players-pick" : "auto", seed);
            gameId[0] = recorder.gameId();
            return new Room(pin, hostToken, bank, options,
                    new Room.Environment(loops.next(), clock, scheduler, metrics, limits),
                    joinUrl(pin), "/api/qr/" + pin + ".svg", recorder, seed);
        });
        if (room == null) {
            return null;
        }
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("pin", room.pin());
        created.put("hostToken", hostToken);
        created.put("joinUrl", joinUrl(room.pin()));
        created.put("qrUrl", "/api/qr/" + room.pin() + ".svg");
        created.put("webSocketPath", WEBSOCKET_PATH);
        created.put("gameId", gameId[0]);
        return created;
    }

    private void sweep() {
        long idleMs = config.roomIdleMinutes() * 60_000L;
        long now = clock.millis();
        for (Room room : rooms.all()) {
            room.execute(() -> {
                if (room.isAbandoned(now, idleMs)) {
                    room.close();
                    rooms.remove(room);
                }
            });
        }
    }

    /** The HTTP and WebSocket options of the server (public so that protocol-compliance tools run with them). */
    public static HttpServerOptions serverOptions(Config config) {
        return new HttpServerOptions()
                .setPort(config.port())
                .setHost(config.bindHost())
                // Deflate is on by default in Vert.x 5 and an inflated frame has no size cap: keep it off.
                .setPerFrameWebSocketCompressionSupported(false)
                .setPerMessageWebSocketCompressionSupported(false)
                .setMaxWebSocketFrameSize(config.maxMessageBytes())
                .setMaxWebSocketMessageSize(config.maxMessageBytes())
                // A peer silent this long (no frame, not even a pong to our pings) is closed; its seat stays.
                .setReadIdleTimeout(config.readIdleSeconds())
                // A peer that takes nothing this long (not even our pings get out) is dropped at the TCP level: the
                // WebSocket close handshake cannot finish with a peer that does not read. Healthy sockets see a
                // completed write (a ping at least) every QUIZROOM_PING_SECONDS.
                .setWriteIdleTimeout(config.pingSeconds() + config.slowClientSeconds());
    }

    /** One HTTP server instance on its own event loop. */
    private final class HttpVerticle extends VerticleBase {
        private final HttpApi api;
        private final Gateway gateway;
        private final OriginPolicy origins;

        HttpVerticle(HttpApi api, Gateway gateway, OriginPolicy origins) {
            this.api = api;
            this.gateway = gateway;
            this.origins = origins;
        }

        @Override
        public Future<?> start() {
            HttpServer server = vertx.createHttpServer(serverOptions(config))
                    .requestHandler(api.router(vertx))
                    .webSocketHandshakeHandler(handshake -> {
                        if (!WEBSOCKET_PATH.equals(handshake.path())) {
                            handshake.reject(404);
                        } else if (!origins.allows(handshake.headers().get("Origin"), boundPort.get())) {
                            metrics.protocolError("origin_refused");
                            handshake.reject(403);
                        } else {
                            handshake.accept();
                        }
                    })
                    .webSocketHandler(gateway::handle);
            return server.listen().onSuccess(s -> boundPort.set(s.actualPort()));
        }
    }
}
