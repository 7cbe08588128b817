package app.quizroom.server;

import app.quizroom.bank.BankFolder;
import app.quizroom.bank.BankLibrary;
import app.quizroom.config.ClusterConfig;
import app.quizroom.config.Config;
import app.quizroom.config.LanAddresses;
import app.quizroom.game.Blocklist;
import app.quizroom.game.Room;
import app.quizroom.game.RoomRegistry;
import app.quizroom.metrics.ServerMetrics;
import app.quizroom.store.PostgresStore;
import app.quizroom.store.ResultStore;
import app.quizroom.store.SqliteStore;
import app.quizroom.support.Clock;
import app.quizroom.support.Scheduler;
import app.quizroom.support.Tokens;
import app.quizroom.transport.Addresses;
import app.quizroom.transport.EventLoops;
import app.quizroom.transport.HttpRoutes;
import app.quizroom.transport.RoomTakeover;
import app.quizroom.transport.WebServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Assembles the server and runs it: Vert.x with metrics, the results store, the rooms and their loops, the HTTP
 * and WebSocket edge, and the sweeper of idle rooms; then shuts it all down in order.
 *
 * <p>The composition root: the one place that creates every part and knows the order they start and stop in (store
 * before rooms, the cluster's PIN map before the first game, PINs given back before the store closes). Cluster
 * mode's parts are wired by {@link ClusterWiring}, called here in that order. It runs a little over 300 lines on
 * purpose: the start and the stop read top to bottom in one place, in the order they happen.
 */
public final class QuizServer {

    private static final System.Logger LOG = System.getLogger("quizroom");
    private static final long SWEEP_INTERVAL_MS = 60_000;
    /** How often the banks folder is rescanned besides the changes the operating system reports. */
    private static final Duration BANK_RESCAN = Duration.ofSeconds(30);
    private static final SecureRandom SEEDS = new SecureRandom();

    private final Config config;
    private final BankLibrary library;
    private final BankFolder folder;
    private final Clock clock;
    private final Scheduler injectedScheduler;
    private final LongSupplier seeds;
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final RoomRegistry rooms;
    private final ServerMetrics metrics;
    private final ResultStore store;
    private final Addresses addresses;
    private final OpenRooms opened = new OpenRooms(this::released);
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final ClusterConfig cluster;
    private final Supplier<String> pins;
    private final ClusterWiring clusterWiring;
    private Vertx vertx;
    private RoomSweeper sweeper;
    /** The teacher password generated at the first start; null when QUIZROOM_TEACHER_PASSWORD is set. */
    private String generatedPassword;
    /** Why the generated password could not be kept in its file; null when it is. */
    private String passwordProblem;

    /**
     * A server of the banks in {@code QUIZROOM_BANKS}: read when it starts, and again whenever a file there changes
     * (see {@link BankLibrary}).
     *
     * @param clock     the server's clock (tests inject a manual one)
     * @param scheduler timers for rooms; null to use Vert.x timers
     */
    public QuizServer(Config config, Clock clock, Scheduler scheduler) {
        this(config, clock, scheduler, SEEDS::nextLong);
    }

    /** @param cluster cluster mode's settings ({@link ClusterConfig#NONE}: one process, no cluster) */
    public QuizServer(Config config, ClusterConfig cluster, Clock clock) {
        this(config, cluster, clock, null, SEEDS::nextLong, LanAddresses::ofThisMachine, Tokens::newPin);
    }

    /** @param seeds where each new game's seed comes from (tests pass a seeded sequence to replay a run) */
    public QuizServer(Config config, Clock clock, Scheduler scheduler, LongSupplier seeds) {
        this(config, clock, scheduler, seeds, LanAddresses::ofThisMachine);
    }

    /**
     * @param network this machine's LAN addresses, best first, where phones may be sent when QUIZROOM_PUBLIC_URL is
     *                unset (tests fake them)
     */
    public QuizServer(Config config, Clock clock, Scheduler scheduler, LongSupplier seeds,
                      Supplier<List<LanAddresses.Candidate>> network) {
        this(config, ClusterConfig.NONE, clock, scheduler, seeds, network, Tokens::newPin);
    }

    /**
     * @param cluster cluster mode's settings ({@link ClusterConfig#NONE}: one process, no cluster)
     * @param pins    where a cluster node draws the PINs it tries to claim (tests pass a fixed sequence to make
     *                two nodes race for the same PIN)
     */
    public QuizServer(Config config, ClusterConfig cluster, Clock clock, Scheduler scheduler, LongSupplier seeds,
                      Supplier<List<LanAddresses.Candidate>> network, Supplier<String> pins) {
        this.config = config;
        this.cluster = cluster;
        this.pins = pins;
        ClusterWiring.tagMeters(cluster, registry);
        this.seeds = seeds;
        this.library = new BankLibrary(config.banksDir(), new BankLog());
        this.folder = new BankFolder(config.banksDir());
        this.clock = clock;
        this.injectedScheduler = scheduler;
        this.rooms = new RoomRegistry(config.maxRooms());
        this.metrics = new ServerMetrics(registry, rooms::size);
        this.store = config.database() == null ? new SqliteStore(config.dbFile(), config.dbQueue(), cluster.nodeName())
                : new PostgresStore(config.database(), config.dbQueue(), cluster.nodeName());
        this.clusterWiring = new ClusterWiring(cluster, registry, rooms, opened, store, clock);
        this.addresses = new Addresses(config, network);
    }

    public Future<Void> start() {
        Room.Limits limits;
        try {
            Blocklist blocklist = config.blocklistFile() == null ? Blocklist.defaults()
                    : Blocklist.withFile(config.blocklistFile());
            limits = new Room.Limits(config.maxPlayersPerRoom(), config.joinsPerSecond(), config.joinBurst(),
                    blocklist);
        } catch (IOException e) {
            return Future.failedFuture(new IllegalArgumentException(
                    "cannot read QUIZROOM_BLOCKLIST_FILE " + config.blocklistFile() + ": " + e.getMessage()));
        }
        if (config.teacherPassword() == null) {
            try {
                generatedPassword = TeacherPasswordFile.readOrCreate(teacherPasswordFile());
            } catch (IOException | RuntimeException e) {
                // The server still runs (as it does when the database cannot be written), with a password that
                // lasts until the next start.
                passwordProblem = e.toString();
                generatedPassword = TeacherPasswordFile.generate();
            }
        }
        library.watch(BANK_RESCAN);
        int loopCount = Math.max(1, Runtime.getRuntime().availableProcessors());
        LOG.log(System.Logger.Level.INFO, "results are kept in " + store.describe());
        store.start();
        store.onHealthChange(saving -> rooms.all().forEach(room -> room.execute(() -> room.storageChanged(saving))));
        VertxOptions options = new VertxOptions().setEventLoopPoolSize(loopCount)
                .setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true));
        clusterWiring.configure(options);
        Future<Vertx> built = clusterWiring.build(
                Vertx.builder().with(options).withMetrics(new MicrometerMetricsFactory(registry)));
        Scheduler scheduler = injectedScheduler != null ? injectedScheduler : (delayMs, task) -> {
            long id = vertx.setTimer(Math.max(1, delayMs), ignored -> task.run());
            return () -> vertx.cancelTimer(id);
        };
        // One server instance per event loop when the port is fixed; Vert.x shares the port between them.
        int instances = config.port() == 0 ? 1 : loopCount;
        return built
                .compose(v -> {
                    vertx = v;
                    return EventLoops.forRooms(vertx, loopCount);
                })
                .compose(loops -> clusterWiring.edges(vertx, loops, metrics).map(edges -> {
                    Supplier<Room.Environment> environments =
                            () -> new Room.Environment(loops.get(), clock, scheduler, metrics, limits);
                    RoomTakeover takeover = clusterWiring.takeover(vertx, library, environments, addresses);
                    GameLauncher games = new GameLauncher(rooms, opened, config.roomsPerAddress(), store, addresses,
                            seeds, environments, pins, clusterWiring.pinDirectory(), clusterWiring.durablePins(),
                            draining::get, clusterWiring::claimed);
                    HttpRoutes http = new HttpRoutes(config, generatedPassword, library, folder, games, addresses,
                            registry, rooms::size, metrics::connectedPlayers, store.reports(), store::flushed,
                            () -> clusterWiring.readiness(draining.get() || stopping.get()));
                    return new WebServer(vertx, config, addresses, http, rooms, clock, metrics, stopping::get,
                            takeover, edges);
                }))
                .compose(web -> clusterWiring.startHandovers().compose(ignored -> web.deploy(instances)))
                .onSuccess(ignored -> {
                    sweeper = new RoomSweeper(rooms, opened, clock, config.roomIdleMinutes(),
                            config.emptyRoomMinutes());
                    vertx.setPeriodic(SWEEP_INTERVAL_MS, id -> sweeper.sweep());
                });
    }

    /** A room was removed: a cluster node gives its PIN back. */
    private void released(String pin) {
        clusterWiring.released(pin);
    }

    /** The banks on offer to new games, kept in step with the banks folder. */
    public BankLibrary library() {
        return library;
    }

    /**
     * Sweeps idle rooms now, as the server does every minute; completes with the number removed. For tests, which
     * move a manual clock and then sweep.
     */
    public Future<Integer> sweepNow() {
        return Future.fromCompletionStage(sweeper.sweep());
    }

    /**
     * The teacher password the server generated because QUIZROOM_TEACHER_PASSWORD is unset (known once started);
     * null when one is configured.
     */
    public String generatedTeacherPassword() {
        return generatedPassword;
    }

    /** Why a generated teacher password could not be kept in its file (it then lasts until a restart); or null. */
    public String teacherPasswordProblem() {
        return passwordProblem;
    }

    /** Where a generated teacher password is kept: beside the results database. */
    public Path teacherPasswordFile() {
        return TeacherPasswordFile.beside(config.dbFile());
    }

    /**
     * The address phones are sent to. A configured URL on port 0 (a server started on a free port) takes the
     * port actually bound.
     */
    public String publicUrl() {
        return addresses.publicUrl();
    }

    /** The port actually bound (useful when the configured port is 0). */
    public int port() {
        return addresses.port();
    }

    /**
     * Shuts down gracefully: rooms stop taking joins and tell everyone, unfinished games are recorded as
     * interrupted, queued results are written (within the configured grace period), the database is closed.
     */
    public Future<Void> stop() {
        if (vertx == null || !stopping.compareAndSet(false, true)) {
            return Future.succeededFuture();
        }
        List<Future<Void>> closed = new ArrayList<>();
        for (Room room : rooms.all()) {
            Promise<Void> done = Promise.promise();
            closed.add(done.future());
            room.execute(() -> {
                room.shutdown("The server is shutting down. Your results so far are kept.");
                room.close();
                done.complete();
            });
        }
        long graceMs = config.shutdownGraceSeconds() * 1000L;
        return Future.join(closed).timeout(graceMs, TimeUnit.MILLISECONDS)
                .otherwiseEmpty()
                // PINs first: their rows in PostgreSQL go with the store's connections.
                .compose(ignored -> clusterWiring.releasePins())
                .compose(ignored -> vertx.executeBlocking(() -> store.close(graceMs)))
                .eventually(() -> vertx.close())
                .onComplete(ignored -> library.close())
                .mapEmpty();
    }

    /**
     * SIGTERM. With QUIZROOM_DRAIN_SECONDS above 0 (a cluster node's default) the node drains first: it opens no
     * new rooms, {@code /ready} turns false so the balancer sends newcomers elsewhere, and its games play on until
     * none is in play (each at its podium, finished, or with nobody connected) or the drain time is over. Then it
     * stops as {@link #stop()} does, leaving the cluster last. A cluster node on PostgreSQL with other members
     * hands its rooms to them instead of waiting ({@link Handovers}).
     */
    public Future<Void> drainAndStop() {
        if (vertx == null || cluster.drainSeconds() == 0 || !draining.compareAndSet(false, true)) {
            return stop();
        }
        Drain drain = new Drain(vertx, rooms, clock);
        Handovers handing = clusterWiring.handovers();
        if (handing != null && handing.possible()) {
            // Rooms go to other nodes (docs/cluster.md §8); any left here (finished ones) are waited for as alone.
            return handing.handOverAll().compose(ignored -> drain.await(cluster.drainSeconds()))
                    .compose(ignored -> stop());
        }
        return drain.await(cluster.drainSeconds()).compose(ignored -> stop());
    }

    /** The Prometheus text of every metric (as /metrics serves it). */
    public String scrapeMetrics() {
        return registry.scrape();
    }

    /** The results store (for tests and the shutdown path). */
    public ResultStore store() {
        return store;
    }
}
