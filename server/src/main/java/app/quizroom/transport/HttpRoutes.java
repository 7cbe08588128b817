package app.quizroom.transport;

import app.quizroom.bank.Bank;
import app.quizroom.config.Config;
import app.quizroom.store.Reports;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.micrometer.PrometheusScrapingHandler;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/** The HTTP side (docs/protocol.md §2): mounts every route on one router; each group of routes is its own class. */
public final class HttpRoutes {

    private final Config config;
    private final Map<String, Bank> banks;
    private final PrometheusMeterRegistry registry;
    private final LongSupplier liveRooms;
    private final LongSupplier connectedPlayers;
    private final GameRoutes games;
    private final ReportRoutes reports;

    /**
     * @param flushed completes when the results written so far are on disk (reports are read after it)
     */
    public HttpRoutes(Config config, Map<String, Bank> banks, GameOpener opener, Addresses addresses,
                      PrometheusMeterRegistry registry, LongSupplier liveRooms, LongSupplier connectedPlayers,
                      Reports reports, Supplier<CompletableFuture<Boolean>> flushed) {
        this.config = config;
        this.banks = banks;
        this.registry = registry;
        this.liveRooms = liveRooms;
        this.connectedPlayers = connectedPlayers;
        TeacherAccess access = new TeacherAccess(config);
        this.games = new GameRoutes(banks, opener, access, addresses, config.maxPlayersPerRoom());
        this.reports = new ReportRoutes(reports, access, flushed);
    }

    /** {@code GET /health}. */
    record Health(String status, int banks, long rooms, long players) {
    }

    Router router(Vertx vertx) {
        Router router = Router.router(vertx);
        router.get("/health").handler(ctx -> HttpJson.send(ctx, 200,
                new Health("ok", banks.size(), liveRooms.getAsLong(), connectedPlayers.getAsLong())));
        router.get("/metrics").handler(PrometheusScrapingHandler.create(registry));
        games.mount(router);
        reports.mount(router);
        StaticFiles.mount(router, config.webDir());
        return router;
    }
}
