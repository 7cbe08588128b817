package app.quizroom.loadtest;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonObject;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The clients every simulated room shares, made once per run: the Vert.x whose event loops the players run on, the
 * HTTP client that creates the games, and the WebSocket clients of the players and of the hosts (the hosts' takes
 * the podium's large message).
 */
record Clients(Vertx vertx, HttpClient http, WebSocketClient players, WebSocketClient hosts) {

    /**
     * Creates a game on {@code node} ({@code POST /api/games} with {@code body}) and returns the server's answer: the
     * PIN and the host token. Waits at most {@code timeoutMs}.
     */
    JsonObject createGame(LoadOptions.Node node, JsonObject body, long timeoutMs) throws TimeoutException {
        return http.request(HttpMethod.POST, node.port(), node.host(), "/api/games")
                .compose(req -> req.putHeader("Content-Type", "application/json").send(Buffer.buffer(body.encode())))
                .compose(res -> res.body().map(b -> {
                    if (res.statusCode() != 201) {
                        throw new IllegalStateException("POST /api/games: " + res.statusCode() + " " + b);
                    }
                    return new JsonObject(b);
                }))
                .await(timeoutMs, TimeUnit.MILLISECONDS);
    }
}
