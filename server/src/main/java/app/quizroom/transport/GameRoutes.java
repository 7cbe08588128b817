package app.quizroom.transport;

import app.quizroom.bank.Bank;
import app.quizroom.config.Limits;
import app.quizroom.game.GameOptions;
import app.quizroom.protocol.ErrorCode;
import app.quizroom.scoring.ScoringMode;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Starting a game: the banks to choose from, the options and their defaults, creating the room, its QR code. */
final class GameRoutes {

    private static final int MAX_BODY_BYTES = 16 * 1024;
    private static final Pattern PIN = Pattern.compile("\\d{6}");

    private final Map<String, Bank> banks;
    private final GameOpener games;
    private final TeacherAccess access;
    private final Addresses addresses;
    /** QUIZROOM_MAX_PLAYERS: the largest class size a game may be created for. */
    private final int maxClassSize;

    GameRoutes(Map<String, Bank> banks, GameOpener games, TeacherAccess access, Addresses addresses,
               int maxClassSize) {
        this.banks = banks;
        this.games = games;
        this.access = access;
        this.addresses = addresses;
        this.maxClassSize = maxClassSize;
    }

    void mount(Router router) {
        router.get("/api/banks").handler(this::listBanks);
        router.get("/api/options").handler(this::options);
        router.post("/api/games").handler(BodyHandler.create().setBodyLimit(MAX_BODY_BYTES)).handler(this::create);
        router.get("/api/qr/:pin").handler(this::qr);
    }

    /** One loaded bank, as {@code GET /api/banks} lists it ({@code description} and {@code topic} may be null). */
    record BankSummary(String id, String title, String description, String topic, int questionCount,
                       int estimatedMinutes, List<String> types) {
    }

    private void listBanks(RoutingContext ctx) {
        HttpJson.send(ctx, 200, banks.values().stream()
                .map(bank -> new BankSummary(bank.id(), bank.title(), bank.description(), bank.topic(),
                        bank.questions().size(), bank.estimatedMinutes(),
                        bank.questions().stream().map(q -> q.type().wireName()).distinct().toList()))
                .toList());
    }

    /** The answer of {@code GET /api/options}. */
    record Choices(List<String> scoring, Range timeLimit, Range readingSeconds, boolean passwordRequired,
                   Defaults defaults, Range classSize) {
        record Range(int min, int max) {
        }

        record Defaults(String scoring, boolean streakBonus, boolean shuffleQuestions, boolean shuffleOptions,
                        boolean showTextOnPhones, Integer timeLimit, int readingSeconds, boolean generatedNames,
                        int classSize) {
        }
    }

    private void options(RoutingContext ctx) {
        GameOptions d = GameOptions.defaults().withClassSizeWithin(maxClassSize);
        HttpJson.send(ctx, 200, new Choices(
                List.of(ScoringMode.CLASSIC.wireName(), ScoringMode.ACCURACY.wireName()),
                new Choices.Range(Limits.MIN_TIME_SECONDS, Limits.MAX_TIME_SECONDS),
                new Choices.Range(0, Limits.MAX_READING_SECONDS),
                access.passwordRequired(),
                new Choices.Defaults(d.scoring().wireName(), d.streakBonus(), d.shuffleQuestions(), d.shuffleOptions(),
                        d.showTextOnPhones(), d.timeLimitSeconds(), d.readingSeconds(), d.generatedNames(),
                        d.classSize()),
                new Choices.Range(1, maxClassSize)));
    }

    /** The answer of {@code POST /api/games}. */
    record Created(String pin, String hostToken, String joinUrl, String qrUrl, String webSocketPath, long gameId) {
    }

    /** Refusals come in the order docs/protocol.md §2.4 lists them. */
    private void create(RoutingContext ctx) {
        if (!access.mayCreateGame(ctx)) {
            return;
        }
        JsonNode body = HttpJson.objectBody(ctx);
        if (body == null) {
            HttpJson.error(ctx, 400, ErrorCode.BAD_REQUEST, "Send a JSON object with at least 'bankId'.");
            return;
        }
        JsonNode bankId = body.get("bankId");
        Bank bank = bankId != null && bankId.isTextual() ? banks.get(bankId.textValue()) : null;
        if (bank == null) {
            HttpJson.error(ctx, 404, ErrorCode.BANK_NOT_FOUND, "No bank with id '" + HttpJson.quoted(bankId) + "'.");
            return;
        }
        CreateGameRequest request;
        try {
            request = CreateGameRequest.decode(body, maxClassSize);
        } catch (IllegalArgumentException e) {
            HttpJson.error(ctx, 400, ErrorCode.BAD_REQUEST, e.getMessage());
            return;
        }
        GameOpener.Opened game = games.open(bank, request.options());
        if (game == null) {
            HttpJson.error(ctx, 503, ErrorCode.TOO_MANY_ROOMS,
                    "The server is running as many games as it may; try later.");
            return;
        }
        HttpJson.send(ctx, 201, new Created(game.pin(), game.hostToken(), addresses.joinUrl(game.pin()),
                Addresses.qrPath(game.pin()), Addresses.WEBSOCKET_PATH, game.gameId()));
    }

    /** {@code /api/qr/123456} or {@code /api/qr/123456.svg}: the join page's QR code; the room need not exist. */
    private void qr(RoutingContext ctx) {
        String pin = ctx.pathParam("pin");
        if (pin != null && pin.endsWith(".svg")) {
            pin = pin.substring(0, pin.length() - 4);
        }
        if (pin == null || !PIN.matcher(pin).matches()) {
            HttpJson.error(ctx, 400, ErrorCode.BAD_REQUEST, "A PIN has 6 digits.");
            return;
        }
        ctx.response().putHeader("Content-Type", "image/svg+xml")
                .putHeader("Cache-Control", "no-store")
                .end(QrCodes.svg(addresses.joinUrl(pin)));
    }
}
