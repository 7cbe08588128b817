package app.quizroom.transport;

import app.quizroom.bank.BankFolder;
import app.quizroom.bank.BankLibrary;
import app.quizroom.config.Config;
import app.quizroom.store.Reports;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.micrometer.PrometheusScrapingHandler;

import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/** The HTTP side (docs/protocol.md §2): mounts every route on one router; each group of routes is its own class. */
public final class HttpRoutes {

    private final Config config;
    private final BankLibrary banks;
    private final PrometheusMeterRegistry registry;
    private final LongSupplier liveRooms;
    private final LongSupplier connectedPlayers;
    private final HttpGuards guards;
    private final GameRoutes games;
    private final ReportRoutes reports;
    private final EditorRoutes editor;
    private final Supplier<Readiness> readiness;

    /**
     * @param generatedPassword the teacher password generated beside the database; null when one is configured
     * @param banks             the banks on offer to new games, kept in step with the banks folder
     * @param folder            the banks folder as the editor reads and writes it
     * @param flushed           completes when the results written so far are on disk (reports are read after it)
     * @param readiness         what {@code GET /ready} answers
     */
    public HttpRoutes(Config config, String generatedPassword, BankLibrary banks, BankFolder folder,
                      GameOpener opener, Addresses addresses, PrometheusMeterRegistry registry, LongSupplier liveRooms,
                      LongSupplier connectedPlayers, Reports reports, Supplier<CompletableFuture<Boolean>> flushed,
                      Supplier<Readiness> readiness) {
        this.config = config;
        this.banks = banks;
        this.registry = registry;
        this.liveRooms = liveRooms;
        this.connectedPlayers = connectedPlayers;
        this.readiness = readiness;
        OriginPolicy origins = new OriginPolicy(config, addresses::publicUrl);
        this.guards = new HttpGuards(origins, addresses::port, EditorRoutes.UPLOADS);
        TeacherAccess access = new TeacherAccess(config, generatedPassword, origins, addresses::port);
        this.games = new GameRoutes(banks, opener, access, addresses, config);
        this.reports = new ReportRoutes(reports, access, flushed);
        this.editor = new EditorRoutes(folder, banks, access);
    }

    /** {@code GET /health}. */
    record Health(String status, int banks, long rooms, long players) {
    }

    Router router(Vertx vertx) {
        Router router = Router.router(vertx);
        router.route().handler(guards::securityHeaders);
        // Before any body is read: a refused POST costs nothing.
        router.post("/api/*").handler(guards::postsFromOwnPages);
        router.get("/health").handler(ctx -> HttpJson.send(ctx, 200,
                new Health("ok", banks.current().banks().size(), liveRooms.getAsLong(), connectedPlayers.getAsLong())));
        router.get("/ready").handler(ctx -> {
            Readiness now = readiness.get();
            HttpJson.send(ctx, now.ready() ? 200 : 503, now);
        });
        router.get("/metrics").handler(PrometheusScrapingHandler.create(registry));
        games.mount(router);
        reports.mount(router);
        editor.mount(router);
        StaticFiles.mount(router, config.webDir());
        return router;
    }
}
