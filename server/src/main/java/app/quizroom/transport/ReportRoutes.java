package app.quizroom.transport;

import app.quizroom.protocol.ErrorCode;
import app.quizroom.store.Reports;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Past games' reports (docs/protocol.md §2.6): every game for the teacher, the games whose host keys a browser
 * holds, and one game as JSON or CSV. The database is read on a worker thread, once the results already queued
 * are on disk.
 */
final class ReportRoutes {

    static final String HOST_KEY_HEADER = "X-Host-Key";
    private static final int MAX_BODY_BYTES = 64 * 1024;
    private static final int MAX_KEYS = 200;
    private static final long FLUSH_WAIT_SECONDS = 2;

    private final Reports reports;
    private final TeacherAccess access;
    /** Completes when results written so far are on disk. */
    private final Supplier<CompletableFuture<Boolean>> flushed;

    ReportRoutes(Reports reports, TeacherAccess access, Supplier<CompletableFuture<Boolean>> flushed) {
        this.reports = reports;
        this.access = access;
        this.flushed = flushed;
    }

    void mount(Router router) {
        router.get("/api/reports").handler(this::listAll);
        router.post("/api/reports/lookup").handler(BodyHandler.create().setBodyLimit(MAX_BODY_BYTES))
                .handler(this::lookup);
        router.get("/api/reports/:id").handler(ctx -> report(ctx, false));
        router.get("/api/reports/:id/csv").handler(ctx -> report(ctx, true));
    }

    /** Every past game; for the teacher only (others, see {@link #lookup}). */
    private void listAll(RoutingContext ctx) {
        if (!access.isTeacher(ctx)) {
            access.refuseWithoutPassword(ctx);
        } else {
            readThenSend(ctx, () -> HttpJson.write(reports.listAll()), "application/json", null);
        }
    }

    /** The games whose host keys the browser holds: {@code {"keys": ["...", ...]}}. */
    private void lookup(RoutingContext ctx) {
        JsonNode body = HttpJson.objectBody(ctx);
        JsonNode keys = body == null ? null : body.path("keys");
        if (keys == null || !(keys.isArray() || keys.isMissingNode() || keys.isNull())) {
            HttpJson.error(ctx, 400, ErrorCode.BAD_REQUEST, "Send {\"keys\": [host keys]}.");
            return;
        }
        List<String> given = new ArrayList<>();
        for (int i = 0; i < keys.size() && i < MAX_KEYS; i++) {
            // A key that is not a text matches no game; a null one fails the lookup as the store refuses it.
            given.add(keys.get(i).isNull() ? null : HttpJson.quoted(keys.get(i)));
        }
        readThenSend(ctx, () -> HttpJson.write(reports.listByKeys(given)), "application/json", null);
    }

    /** One game's report (or its CSV): for the teacher, or with that game's host key. */
    private void report(RoutingContext ctx, boolean csv) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            notFound(ctx);
            return;
        }
        String hostKey = ctx.request().getHeader(HOST_KEY_HEADER);
        boolean teacher = access.isTeacher(ctx);
        ctx.vertx().executeBlocking(() -> {
            awaitFlushed();
            return teacher || reports.keyMatches(id, hostKey);
        }).onComplete(allowed -> {
            if (allowed.failed()) {
                storeUnavailable(ctx);
            } else if (!allowed.result()) {
                HttpJson.error(ctx, 403, ErrorCode.FORBIDDEN,
                        "Open reports from the projector that ran the game, or with the teacher password.");
            } else if (csv) {
                readThenSend(ctx, () -> reports.csv(id), "text/csv; charset=utf-8",
                        "attachment; filename=\"quizroom-game-" + id + ".csv\"");
            } else {
                readThenSend(ctx, () -> {
                    JsonNode report = reports.report(id);
                    return report == null ? null : HttpJson.write(report);
                }, "application/json", null);
            }
        });
    }

    /** Blocks (on a worker) until results written so far are on disk, two seconds at most. */
    private void awaitFlushed() throws InterruptedException {
        try {
            flushed.get().get(FLUSH_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // read what is there; the writes still waiting are the store's to retry
        }
    }

    /**
     * Runs database work on a worker, once the results written so far are on disk, and sends its text (404 when
     * it is null) without letting it be cached.
     */
    private void readThenSend(RoutingContext ctx, Callable<String> read, String contentType, String disposition) {
        ctx.vertx().executeBlocking(() -> {
            awaitFlushed();
            return read.call();
        }).onComplete(result -> {
            if (result.failed()) {
                storeUnavailable(ctx);
            } else if (result.result() == null) {
                notFound(ctx);
            } else {
                HttpServerResponse response = ctx.response().putHeader("Content-Type", contentType)
                        .putHeader("Cache-Control", "no-store");
                if (disposition != null) {
                    response.putHeader("Content-Disposition", disposition);
                }
                response.end(result.result());
            }
        });
    }

    private static void notFound(RoutingContext ctx) {
        HttpJson.error(ctx, 404, ErrorCode.REPORT_NOT_FOUND, "No such game.");
    }

    private static void storeUnavailable(RoutingContext ctx) {
        HttpJson.error(ctx, 503, ErrorCode.STORE_UNAVAILABLE, "The results database cannot be read right now.");
    }
}
