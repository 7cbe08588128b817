package app.quizroom.transport;

import app.quizroom.bank.Bank;
import app.quizroom.config.Config;
import app.quizroom.config.Limits;
import app.quizroom.game.Clock;
import app.quizroom.game.GameOptions;
import app.quizroom.game.Nicknames;
import app.quizroom.game.RateLimiter;
import app.quizroom.game.TeamOptions;
import app.quizroom.game.Tokens;
import app.quizroom.scoring.ScoringMode;
import app.quizroom.store.Reports;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.FileSystemAccess;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/** The HTTP side: the bank list, game creation, QR codes, health, metrics, and the web client's files. */
final class HttpApi {

    private static final Pattern PIN = Pattern.compile("\\d{6}");
    private static final int MAX_TRACKED_CREATORS = 10_000;
    /** The request header that carries the teacher password, when the server has one. */
    static final String PASSWORD_HEADER = "X-Teacher-Password";
    /** The request header that carries a game's host key, to open that game's report. */
    static final String HOST_KEY_HEADER = "X-Host-Key";

    /** Creates a room and returns its PIN and host token, or null when no more rooms fit. */
    interface GameFactory {
        Map<String, Object> create(Bank bank, GameOptions options);
    }

    private final Config config;
    private final Map<String, Bank> banks;
    private final GameFactory games;
    private final PrometheusMeterRegistry registry;
    private final LongSupplier liveRooms;
    private final LongSupplier connectedPlayers;
    private final Map<String, RateLimiter> creators = new ConcurrentHashMap<>();
    private final Reports reports;
    /** PIN → the address phones open. */
    private final java.util.function.Function<String, String> joinUrl;
    /** Completes when results written so far are on disk (reports read after it). */
    private final java.util.function.Supplier<java.util.concurrent.CompletableFuture<Boolean>> flushed;

    HttpApi(Config config, Map<String, Bank> banks, GameFactory games, PrometheusMeterRegistry registry,
            LongSupplier liveRooms, LongSupplier connectedPlayers, Reports reports,
            java.util.function.Supplier<java.util.concurrent.CompletableFuture<Boolean>> flushed,
            java.util.function.Function<String, String> joinUrl) {
        this.config = config;
        this.flushed = flushed;
        this.joinUrl = joinUrl;
        this.reports = reports;
        this.banks = banks;
        this.games = games;
        this.registry = registry;
        this.liveRooms = liveRooms;
        this.connectedPlayers = connectedPlayers;
    }

    Router router(Vertx vertx) {
        Router router = Router.router(vertx);
        router.get("/health").handler(this::health);
        router.get("/metrics").handler(PrometheusScrapingHandler.create(registry));
        router.get("/api/banks").handler(this::listBanks);
        router.get("/api/options").handler(this::gameOptions);
        router.post("/api/games").handler(BodyHandler.create().setBodyLimit(16 * 1024)).handler(this::createGame);
        router.get("/api/qr/:pin").handler(this::qr);
        router.get("/api/reports").handler(this::listReports);
        router.post("/api/reports/lookup").handler(BodyHandler.create().setBodyLimit(64 * 1024)).handler(this::lookupReports);
        router.get("/api/reports/:id").handler(ctx -> report(ctx, false));
        router.get("/api/reports/:id/csv").handler(ctx -> report(ctx, true));
        router.get("/reports").handler(ctx -> ctx.reroute("/reports.html"));
        StaticHandler files = config.webDir() == null
                ? StaticHandler.create("webroot")
                : StaticHandler.create(FileSystemAccess.ROOT, config.webDir().toAbsolutePath().toString());
        // Short caching, so that phones pick up a new version of the client soon after an upgrade.
        files.setMaxAgeSeconds(30);
        router.get("/host").handler(ctx -> ctx.reroute("/host.html"));
        router.get("/join/:pin").handler(ctx -> ctx.reroute("/index.html"));
        router.route().handler(files);
        return router;
    }

    private void health(RoutingContext ctx) {
        json(ctx, 200, new JsonObject().put("status", "ok").put("banks", banks.size())
                .put("rooms", liveRooms.getAsLong()).put("players", connectedPlayers.getAsLong()));
    }

    private void listBanks(RoutingContext ctx) {
        JsonArray list = new JsonArray();
        for (Bank bank : banks.values()) {
            JsonArray types = new JsonArray();
            bank.questions().stream().map(q -> q.type().wireName()).distinct().forEach(types::add);
            list.add(new JsonObject()
                    .put("id", bank.id())
                    .put("title", bank.title())
                    .put("description", bank.description())
                    .put("topic", bank.topic())
                    .put("questionCount", bank.questions().size())
                    .put("estimatedMinutes", bank.estimatedMinutes())
                    .put("types", types));
        }
        ctx.response().putHeader("Content-Type", "application/json").end(list.encode());
    }

    private void gameOptions(RoutingContext ctx) {
        GameOptions d = GameOptions.defaults();
        json(ctx, 200, new JsonObject()
                .put("scoring", new JsonArray(List.of(ScoringMode.CLASSIC.wireName(), ScoringMode.ACCURACY.wireName())))
                .put("timeLimit", new JsonObject().put("min", Limits.MIN_TIME_SECONDS).put("max", Limits.MAX_TIME_SECONDS))
                .put("readingSeconds", new JsonObject().put("min", 0).put("max", GameOptions.MAX_READING_SECONDS))
                .put("passwordRequired", config.teacherPassword() != null)
                .put("defaults", new JsonObject()
                        .put("scoring", d.scoring().wireName())
                        .put("streakBonus", d.streakBonus())
                        .put("shuffleQuestions", d.shuffleQuestions())
                        .put("shuffleOptions", d.shuffleOptions())
                        .put("showTextOnPhones", d.showTextOnPhones())
                        .putNull("timeLimit")
                        .put("readingSeconds", d.readingSeconds())
                        .put("generatedNames", d.generatedNames())));
    }

    private void createGame(RoutingContext ctx) {
        if (!teacherAllowed(ctx)) {
            return;
        }
        JsonObject body;
        try {
            body = ctx.body().asJsonObject();
        } catch (RuntimeException e) {
            body = null;
        }
        if (body == null) {
            badRequest(ctx, "bad_request", "Send a JSON object with at least 'bankId'.");
            return;
        }
        try {
            Object bankId = body.getValue("bankId");
            Bank bank = bankId instanceof String id ? banks.get(id) : null;
            if (bank == null) {
                json(ctx, 404, error("bank_not_found", "No bank with id '" + bankId + "'."));
                return;
            }
            String scoringName = text(body, "scoring", ScoringMode.CLASSIC.wireName());
            ScoringMode scoring = ScoringMode.fromWireName(scoringName).orElseThrow(
                    () -> new IllegalArgumentException("'scoring' must be classic or accuracy"));
            GameOptions d = GameOptions.defaults();
            Integer timeLimit = body.getValue("timeLimit") == null ? null
                    : integer(body, "timeLimit", Limits.MIN_TIME_SECONDS, Limits.MAX_TIME_SECONDS, 0);
            GameOptions options = new GameOptions(scoring,
                    flag(body, "streakBonus", d.streakBonus()),
                    flag(body, "shuffleQuestions", d.shuffleQuestions()),
                    flag(body, "shuffleOptions", d.shuffleOptions()),
                    flag(body, "showTextOnPhones", d.showTextOnPhones()),
                    timeLimit,
                    integer(body, "readingSeconds", 0, GameOptions.MAX_READING_SECONDS, d.readingSeconds()),
                    flag(body, "generatedNames", d.generatedNames()),
                    teams(body.getValue("teams")));
            Map<String, Object> created = games.create(bank, options);
            if (created == null) {
                json(ctx, 503, error("too_many_rooms", "The server is running as many games as it may; try later."));
                return;
            }
            json(ctx, 201, new JsonObject(new java.util.LinkedHashMap<>(created)));
        } catch (IllegalArgumentException e) {
            badRequest(ctx, "bad_request", e.getMessage());
        }
    }

    /**
     * With a teacher password configured, the request must carry it ({@value #PASSWORD_HEADER}); without one,
     * anyone may create games, but each address only so many a minute. Answers 401 or 429 itself when refused.
     */
    private boolean teacherAllowed(RoutingContext ctx) {
        if (config.teacherPassword() != null) {
            if (Tokens.same(config.teacherPassword(), ctx.request().getHeader(PASSWORD_HEADER))) {
                return true;
            }
            json(ctx, 401, error("password_required", "This server needs the teacher password."));
            return false;
        }
        String address = ctx.request().remoteAddress() == null ? "?" : ctx.request().remoteAddress().hostAddress();
        RateLimiter limiter = creators.computeIfAbsent(address,
                a -> new RateLimiter(Clock.SYSTEM, config.gamesPerMinute() / 60.0, config.gamesPerMinute()));
        if (creators.size() > MAX_TRACKED_CREATORS) {
            creators.clear(); // bounded memory; the limit is a brake on abuse, not an account
        }
        if (limiter.tryAcquire()) {
            return true;
        }
        json(ctx, 429, error("too_many_games", "Too many games created from this address; wait a minute."));
        return false;
    }

    // ------------------------------------------------------------------ reports (database work on a worker)

    /** Every past game; only with the teacher password (without one, see {@link #lookupReports}). */
    private void listReports(RoutingContext ctx) {
        if (config.teacherPassword() == null) {
            json(ctx, 401, error("keys_required", "Reports are opened with the host key of each game (POST /api/reports/lookup)."));
            return;
        }
        if (!passwordGiven(ctx)) {
            json(ctx, 401, error("password_required", "This server needs the teacher password."));
            return;
        }
        blocking(ctx, () -> reports.listAll().toString(), "application/json", null);
    }

    /** The games whose host keys the browser holds: {"keys": ["...", ...]}. */
    private void lookupReports(RoutingContext ctx) {
        List<String> keys = new java.util.ArrayList<>();
        try {
            JsonArray array = ctx.body().asJsonObject().getJsonArray("keys");
            for (int i = 0; array != null && i < array.size() && i < 200; i++) {
                keys.add(array.getString(i));
            }
        } catch (RuntimeException e) {
            badRequest(ctx, "bad_request", "Send {\"keys\": [host keys]}.");
            return;
        }
        blocking(ctx, () -> reports.listByKeys(keys).toString(), "application/json", null);
    }

    /** One game's report (or its CSV): with the teacher password, or with that game's host key (X-Host-Key). */
    private void report(RoutingContext ctx, boolean csv) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            json(ctx, 404, error("report_not_found", "No such game."));
            return;
        }
        String hostKey = ctx.request().getHeader(HOST_KEY_HEADER);
        boolean teacher = config.teacherPassword() != null && passwordGiven(ctx);
        ctx.vertx().executeBlocking(() -> {
            awaitFlushed();
            return teacher || reports.keyMatches(id, hostKey);
        }).onComplete(allowed -> {
            if (allowed.failed()) {
                json(ctx, 503, error("store_unavailable", "The results database cannot be read right now."));
            } else if (!allowed.result()) {
                json(ctx, 403, error("forbidden", "Open reports from the projector that ran the game, or with the teacher password."));
            } else if (csv) {
                blocking(ctx, () -> reports.csv(id), "text/csv; charset=utf-8",
                        "attachment; filename=\"quizroom-game-" + id + ".csv\"");
            } else {
                blocking(ctx, () -> {
                    var report = reports.report(id);
                    return report == null ? null : report.toString();
                }, "application/json", null);
            }
        });
    }

    /** Blocks (on a worker) until results written so far are on disk, two seconds at most. */
    private void awaitFlushed() throws InterruptedException {
        try {
            flushed.get().get(2, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            // read what is there; the writes still waiting are the store's to retry
        }
    }

    private boolean passwordGiven(RoutingContext ctx) {
        return Tokens.same(config.teacherPassword(), ctx.request().getHeader(PASSWORD_HEADER));
    }

    /**
     * Runs database work off the event loop, once the results written so far are on disk (waiting at most two
     * seconds), and sends its text (404 when it is null).
     */
    private void blocking(RoutingContext ctx, java.util.concurrent.Callable<String> work, String contentType,
                          String disposition) {
        ctx.vertx().executeBlocking(() -> {
            awaitFlushed();
            return work.call();
        }).onComplete(result -> {
            if (result.failed()) {
                json(ctx, 503, error("store_unavailable", "The results database cannot be read right now."));
            } else if (result.result() == null) {
                json(ctx, 404, error("report_not_found", "No such game."));
            } else {
                var response = ctx.response().putHeader("Content-Type", contentType).putHeader("Cache-Control", "no-store");
                if (disposition != null) {
                    response.putHeader("Content-Disposition", disposition);
                }
                response.end(result.result());
            }
        });
    }

    private void qr(RoutingContext ctx) {
        String pin = ctx.pathParam("pin");
        if (pin != null && pin.endsWith(".svg")) {
            pin = pin.substring(0, pin.length() - 4);
        }
        if (pin == null || !PIN.matcher(pin).matches()) {
            badRequest(ctx, "bad_request", "A PIN has 6 digits.");
            return;
        }
        ctx.response().putHeader("Content-Type", "image/svg+xml")
                .putHeader("Cache-Control", "no-store")
                .end(QrCodes.svg(joinUrl.apply(pin)));
    }



    /**
     * {@code "teams": {"count": 4} or {"names": ["Reds", "Blues"]}, "playersPick": false, "cap": null,
     * "talkSeconds": 0}}; absent or null for an individual game. Team names follow the nickname rules.
     */
    private static TeamOptions teams(Object value) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonObject t)) {
            throw new IllegalArgumentException("'teams' must be an object with 'count' or 'names'");
        }
        boolean pick = flag(t, "playersPick", false);
        Integer cap = t.getValue("cap") == null ? null : integer(t, "cap", 1, 10_000, 0);
        int talk = integer(t, "talkSeconds", 0, TeamOptions.MAX_TALK_SECONDS, 0);
        Object names = t.getValue("names");
        if (names != null) {
            if (!(names instanceof JsonArray list) || list.size() < TeamOptions.MIN_TEAMS
                    || list.size() > TeamOptions.MAX_TEAMS) {
                throw new IllegalArgumentException("'teams.names' must list " + TeamOptions.MIN_TEAMS + " to "
                        + TeamOptions.MAX_TEAMS + " names");
            }
            List<String> checked = new java.util.ArrayList<>();
            java.util.Set<String> keys = new java.util.HashSet<>();
            for (Object name : list) {
                if (!(name instanceof String raw) || !(Nicknames.check(raw) instanceof Nicknames.Valid valid)) {
                    throw new IllegalArgumentException("team name '" + name + "' is not valid (1–"
                            + Nicknames.MAX_VISIBLE + " visible characters)");
                }
                if (!keys.add(valid.key())) {
                    throw new IllegalArgumentException("team name '" + valid.display() + "' is given twice");
                }
                checked.add(valid.display());
            }
            return new TeamOptions(checked, pick, cap, talk);
        }
        int count = integer(t, "count", TeamOptions.MIN_TEAMS, TeamOptions.MAX_TEAMS, -1);
        if (count < 0) {
            throw new IllegalArgumentException("'teams' needs 'count' (" + TeamOptions.MIN_TEAMS + "–"
                    + TeamOptions.MAX_TEAMS + ") or 'names'");
        }
        return TeamOptions.generated(count, pick, cap, talk);
    }

    private static String text(JsonObject body, String key, String fallback) {
        Object value = body.getValue(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException("'" + key + "' must be a text");
    }

    private static boolean flag(JsonObject body, String key, boolean fallback) {
        Object value = body.getValue(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException("'" + key + "' must be true or false");
    }

    private static int integer(JsonObject body, String key, int min, int max, int fallback) {
        Object value = body.getValue(key);
        if (value == null) {
            return fallback;
        }
        if ((value instanceof Integer || value instanceof Long) && ((Number) value).longValue() >= min
                && ((Number) value).longValue() <= max) {
            return ((Number) value).intValue();
        }
        throw new IllegalArgumentException("'" + key + "' must be a whole number from " + min + " to " + max);
    }

    private static JsonObject error(String code, String message) {
        return new JsonObject().put("error", new JsonObject().put("code", code).put("message", message));
    }

    private static void badRequest(RoutingContext ctx, String code, String message) {
        json(ctx, 400, error(code, message));
    }

    private static void json(RoutingContext ctx, int status, JsonObject body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
    }
}
