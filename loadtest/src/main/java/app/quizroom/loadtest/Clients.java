package app.quizroom.loadtest;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.WebSocketClient;

/**
 * The clients every simulated room shares, made once per run: the Vert.x whose event loops the players run on, the
 * HTTP client that creates the games, and the WebSocket clients of the players and of the hosts (the hosts' takes
 * the podium's large message).
 */
record Clients(Vertx vertx, HttpClient http, WebSocketClient players, WebSocketClient hosts) {
}
