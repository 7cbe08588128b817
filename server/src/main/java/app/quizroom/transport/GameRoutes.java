package app.quizroom.transport;

import app.quizroom.bank.Bank;
import app.quizroom.bank.BankLibrary;
import app.quizroom.config.Config;
import app.quizroom.config.Limits;
import app.quizroom.game.GameOptions;
import app.quizroom.protocol.ErrorCode;
import app.quizroom.scoring.ScoringMode;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Starting a game: the banks to choose from, the options and their defaults, creating the room, its QR code.
 *
 * @param banks  read afresh for every request: a bank saved in the editor is offered at once
 * @param config {@code QUIZROOM_MAX_PLAYERS} is the largest class size a game may be created for
 */
record GameRoutes(BankLibrary banks, GameOpener games, TeacherAccess access, Addresses addresses, Config config) {

    private static final int MAX_BODY_BYTES = 16 * 1024;
    private static final Pattern PIN = Pattern.compile("\\d{6}");

    void mount(Router router) {
        router.get("/api/banks").handler(this::listBanks);
        router.get("/api/options").handler(this::options);
        router.get("/api/join-addresses").handler(this::joinAddresses);
        router.post("/api/games").handler(BodyHandler.create().setBodyLimit(MAX_BODY_BYTES)).handler(this::create);
        router.get("/api/qr/:pin").handler(this::qr);
    }

    /** One loaded bank, as {@code GET /api/banks} lists it ({@code description} and {@code topic} may be null). */
    record BankSummary(String id, String title, String description, String topic, int questionCount,
                       int estimatedMinutes, List<String> types) {
    }

    private void listBanks(RoutingContext ctx) {
        HttpJson.send(ctx, 200, banks.current().banks().stream()
                .map(bank -> new BankSummary(bank.id(), bank.title(), bank.description(), bank.topic(),
                        bank.questions().size(), bank.estimatedMinutes(),
                        bank.questions().stream().map(q -> q.type().wireName()).distinct().toList()))
                .toList());
    }

    /**
     * The answer of {@code GET /api/options}. {@code passwordRequired}: whether this browser must send the teacher
     * password; {@code teacherPassword}: the generated one, to the server's own machine only (else null).
     */
    record Choices(List<String> scoring, Range timeLimit, Range readingSeconds, boolean passwordRequired,
                   String teacherPassword, Defaults defaults, Range classSize) {
        record Range(int min, int max) {
        }

        record Defaults(String scoring, boolean streakBonus, boolean shuffleQuestions, boolean shuffleOptions,
                        boolean showTextOnPhones, Integer timeLimit, int readingSeconds, boolean generatedNames,
                        boolean twoStepJoin, boolean imagesOnPhones, int classSize) {
        }
    }

    private void options(RoutingContext ctx) {
        GameOptions d = GameOptions.defaults().withClassSizeWithin(config.maxPlayersPerRoom());
        HttpJson.send(ctx, 200, new Choices(
                List.of(ScoringMode.CLASSIC.wireName(), ScoringMode.ACCURACY.wireName()),
                new Choices.Range(Limits.MIN_TIME_SECONDS, Limits.MAX_TIME_SECONDS),
                new Choices.Range(0, Limits.MAX_READING_SECONDS),
                access.passwordRequired(ctx),
                access.passwordToShow(ctx),
                new Choices.Defaults(d.scoring().wireName(), d.streakBonus(), d.shuffleQuestions(), d.shuffleOptions(),
                        d.showTextOnPhones(), d.timeLimitSeconds(), d.readingSeconds(), d.generatedNames(),
                        d.twoStepJoin(), d.imagesOnPhones(), d.classSize()),
                new Choices.Range(1, config.maxPlayersPerRoom())));
    }

    /**
     * The answer of {@code GET /api/join-addresses}: where phones may be sent, the default first; {@code configured}
     * when QUIZROOM_PUBLIC_URL decides (the list is then that one address).
     */
    record JoinChoices(List<Addresses.JoinAddress> addresses, boolean configured) {
    }

    /** Reads the machine's addresses afresh: the teacher may have changed networks since the server started. */
    private void joinAddresses(RoutingContext ctx) {
        addresses.refresh();
        List<Addresses.JoinAddress> list = addresses.joinAddresses();
        HttpJson.send(ctx, 200, new JoinChoices(list, addresses.configured()));
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
        // The game keeps this Bank object for its whole run; later edits reach only new games.
        Bank bank = bankId != null && bankId.isTextual()
                ? banks.current().bank(bankId.textValue()).orElse(null) : null;
        if (bank == null) {
            HttpJson.error(ctx, 404, ErrorCode.BANK_NOT_FOUND, "No bank with id '" + HttpJson.quoted(bankId) + "'.");
            return;
        }
        CreateGameRequest request;
        try {
            request = CreateGameRequest.decode(body, config.maxPlayersPerRoom());
        } catch (IllegalArgumentException e) {
            HttpJson.error(ctx, 400, ErrorCode.BAD_REQUEST, e.getMessage());
            return;
        }
        JsonNode joinHost = body.get("joinHost");
        Optional<Addresses.JoinAddress> joinAt = joinHost == null || joinHost.isNull() ? addresses.joinAddress(null)
                : joinHost.isTextual() ? addresses.joinAddress(joinHost.textValue()) : Optional.empty();
        if (joinAt.isEmpty()) {
            HttpJson.error(ctx, 400, ErrorCode.BAD_REQUEST,
                    "'joinHost' must be one of the hosts that /api/join-addresses lists");
            return;
        }
        games.openAsync(bank, request.options(), access.creator(ctx), joinAt.get()).onComplete(opened -> {
            if (opened.succeeded()) {
                answerCreate(ctx, opened.result(), joinAt.get());
            } else {
                HttpJson.error(ctx, 503, ErrorCode.TOO_MANY_ROOMS,
                        "The server is running as many games as it may; try later.");
            }
        });
    }

    private void answerCreate(RoutingContext ctx, GameOpener.Outcome outcome, Addresses.JoinAddress joinAt) {
        if (outcome == GameOpener.Refused.ADDRESS_FULL) {
            HttpJson.error(ctx, 429, ErrorCode.TOO_MANY_ROOMS_FROM_ADDRESS, "This address already has "
                    + config.roomsPerAddress() + " games open. A game nobody joined closes "
                    + config.emptyRoomMinutes() + " minutes after its projector left.");
        } else if (outcome instanceof GameOpener.Opened game) {
            HttpJson.send(ctx, 201, new Created(game.pin(), game.hostToken(), joinAt.joinUrl(game.pin()),
                    addresses.qrPath(game.pin(), joinAt), Addresses.WEBSOCKET_PATH, game.gameId()));
        } else {
            HttpJson.error(ctx, 503, ErrorCode.TOO_MANY_ROOMS,
                    "The server is running as many games as it may; try later.");
        }
    }

    /**
     * {@code /api/qr/123456} or {@code /api/qr/123456.svg}, optionally {@code ?host=} one of the join addresses: the
     * join page's QR code; the room need not exist.
     */
    private void qr(RoutingContext ctx) {
        String pin = ctx.pathParam("pin");
        if (pin != null && pin.endsWith(".svg")) {
            pin = pin.substring(0, pin.length() - 4);
        }
        if (pin == null || !PIN.matcher(pin).matches()) {
            HttpJson.error(ctx, 400, ErrorCode.BAD_REQUEST, "A PIN has 6 digits.");
            return;
        }
        Optional<Addresses.JoinAddress> at = addresses.joinAddress(ctx.queryParams().get("host"));
        if (at.isEmpty()) {
            HttpJson.error(ctx, 400, ErrorCode.BAD_REQUEST, "That host is not a join address of this server.");
            return;
        }
        ctx.response().putHeader("Content-Type", "image/svg+xml")
                .putHeader("Cache-Control", "no-store")
                .end(QrCodes.svg(at.get().joinUrl(pin)));
    }
}
