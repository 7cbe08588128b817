package app.quizroom.support;

import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A game created over HTTP with its host attached over a WebSocket: the set-up the end-to-end and hardening tests
 * share. Players join through it, and it does the waits every such test did by hand (the host's lobby, a player's
 * {@code joined} and the host's {@code playerJoined}, the questions opening), so that a test reads as what it checks.
 * Messages a wait passes over stay with the client for later waits (see {@link WsClient#await}).
 */
public final class HostedGame {

    private final Supplier<WsClient> clients;
    /** The answer to {@code POST /api/games}: pin, hostToken, joinUrl, gameId. */
    private final JsonObject created;
    public final String pin;
    public final String hostToken;
    /** Each joined player's {@code joined} message, by its socket. */
    private final Map<WsClient, JsonObject> seats = new ConcurrentHashMap<>();
    private WsClient host;
    private JsonObject hosting;

    private HostedGame(JsonObject created, Supplier<WsClient> clients) {
        this.clients = clients;
        this.created = created;
        this.pin = created.getString("pin");
        this.hostToken = created.getString("hostToken");
    }

    /** Creates a game with these options (the JSON body of {@code POST /api/games}) and attaches its host. */
    public static HostedGame create(TestServer server, JsonObject options) {
        return attach(server.createGame(options), server::client);
    }

    /**
     * Attaches a host to a game already created (on a server that is not a {@link TestServer}, such as a
     * {@link ServerProcess}), opening its sockets with {@code clients}. Returns once the host has the lobby.
     */
    public static HostedGame attach(JsonObject created, Supplier<WsClient> clients) {
        HostedGame game = new HostedGame(created, clients);
        game.host = game.connectHost();
        game.hosting = game.host.await("hosting");
        game.host.await("lobby");
        return game;
    }

    private WsClient connectHost() {
        WsClient h = clients.get();
        h.send(new JsonObject().put("type", "host").put("pin", pin).put("hostToken", hostToken));
        return h;
    }

    /** The host connection the room talks to (the newest one attached). */
    public WsClient host() {
        return host;
    }

    /** The {@code hosting} message that acknowledged the first host: pin, bank, settings, gameId. */
    public JsonObject hosting() {
        return hosting;
    }

    public long gameId() {
        return created.getLong("gameId");
    }

    /**
     * Attaches another host connection, as a projector page does when it is reloaded, and waits for its
     * {@code hosting} acknowledgement; the snapshot that follows (lobby, question, ...) is left for the test to read.
     * The new connection replaces the old one as the room's host.
     */
    public WsClient attachHost() {
        host = connectHost();
        host.await("hosting");
        return host;
    }

    /** Sends a host command that has no fields ({@code start}, {@code next}, {@code lock}, ...). */
    public void command(String type) {
        host.send(new JsonObject().put("type", type));
    }

    /** A new player joins under this name; returns once it has its seat and the host has seen it join. */
    public WsClient join(String name) {
        WsClient player = clients.get();
        player.send(new JsonObject().put("type", "join").put("pin", pin).put("name", name));
        seats.put(player, player.await("joined"));
        host.await("playerJoined");
        return player;
    }

    /** Players join one after the other, in this order, as {@link #join} does. */
    public List<WsClient> joinAll(String... names) {
        List<WsClient> players = new ArrayList<>();
        for (String name : names) {
            players.add(join(name));
        }
        return players;
    }

    /** The {@code joined} message a player got when it joined through {@link #join}. */
    public JsonObject joined(WsClient player) {
        JsonObject joined = seats.get(player);
        if (joined == null) {
            throw new IllegalArgumentException("this client did not join through the fixture");
        }
        return joined;
    }

    public int playerId(WsClient player) {
        return joined(player).getInteger("playerId");
    }

    public String seatToken(WsClient player) {
        return joined(player).getString("seatToken");
    }

    /** Sends {@code rejoin} with this seat token on the socket and returns the answer: {@code joined} or an error. */
    public JsonObject rejoin(WsClient socket, String seatToken) {
        socket.send(new JsonObject().put("type", "rejoin").put("pin", pin).put("seatToken", seatToken));
        return socket.await(m -> "joined".equals(m.getString("type")) || "error".equals(m.getString("type")),
                "a rejoin answer");
    }

    /**
     * Opens the question the host has just started or moved to: waits until every player has it, moves the test's
     * clock through the game's reading time, and waits until answers are open on every phone.
     */
    public void openQuestion(ManualTime time, WsClient... players) {
        for (WsClient p : players) {
            p.await("question");
        }
        time.advance(readingSeconds() * 1000L);
        for (WsClient p : players) {
            p.await("answering");
        }
    }

    /** The host starts the game and the first question opens, as {@link #openQuestion} does. */
    public void startAndOpenFirstQuestion(ManualTime time, WsClient... players) {
        command("start");
        openQuestion(time, players);
    }

    /** The reading time the game announced to its host. */
    public int readingSeconds() {
        return hosting.getJsonObject("settings").getInteger("readingSeconds");
    }
}
