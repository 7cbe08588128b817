package app.quizroom.transport;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.FileSystemAccess;
import io.vertx.ext.web.handler.StaticHandler;

import java.nio.file.Path;

/**
 * The web client's pages and scripts: from the jar's {@code webroot}, or from {@code QUIZROOM_WEB_DIR} when set,
 * plus the short addresses of its pages ({@code /host}, {@code /join/:pin}, {@code /reports}, {@code /editor}).
 */
final class StaticFiles {

    /** Short, so that phones pick up a new version of the client soon after an upgrade. */
    private static final int MAX_AGE_SECONDS = 30;

    private StaticFiles() {
    }

    /** Mounts the pages and, for every path no earlier route took, the files; so mount this last. */
    static void mount(Router router, Path webDir) {
        router.get("/reports").handler(ctx -> ctx.reroute("/reports.html"));
        router.get("/host").handler(ctx -> ctx.reroute("/host.html"));
        router.get("/editor").handler(ctx -> ctx.reroute("/editor.html"));
        router.get("/join/:pin").handler(ctx -> ctx.reroute("/index.html"));
        StaticHandler files = webDir == null
                ? StaticHandler.create("webroot")
                : StaticHandler.create(FileSystemAccess.ROOT, webDir.toAbsolutePath().toString());
        router.route().handler(files.setMaxAgeSeconds(MAX_AGE_SECONDS));
    }
}
