package app.quizroom.transport;

import app.quizroom.config.Config;
import app.quizroom.support.WsClient;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The trims of {@link LeanWebSocket} against the Vert.x in use: this fails when an upgrade renames what they reach,
 * so that the memory they save is not lost unnoticed, and shows a trimmed socket still talks both ways.
 */
class LeanWebSocketTest {

    private final Vertx vertx = Vertx.vertx();
    private WsClient client;

    @AfterEach
    void close() throws Exception {
        if (client != null) {
            client.close();
        }
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void aTrimmedSocketWritesDirectlyLetsGoOfItsHttpConnectionAndStillTalks() throws Exception {
        Config config = Config.fromEnv(Map.of("QUIZROOM_PORT", "0", "QUIZROOM_BIND", "127.0.0.1"));
        CompletableFuture<WeakReference<HttpConnection>> http = new CompletableFuture<>();
        CompletableFuture<Boolean> trimmed = new CompletableFuture<>();
        HttpServer server = vertx.createHttpServer(WebServer.options(config))
                .connectionHandler(connection -> http.complete(new WeakReference<>(connection)))
                .webSocketHandler(socket -> {
                    LeanWebSocket.trim(socket);
                    trimmed.complete(LeanWebSocket.isTrimmed(socket));
                    socket.textMessageHandler(text -> socket.writeTextMessage("{\"echo\":" + text + "}"));
                })
                .listen().await(10, TimeUnit.SECONDS);

        client = WsClient.connect(vertx, server.actualPort());
        assertTrue(trimmed.get(10, TimeUnit.SECONDS), "both trims reached their fields");
        client.sendRaw("{\"n\":1}");
        assertEquals(1, client.await(m -> m.containsKey("echo"), "an echo").getJsonObject("echo").getInteger("n"));

        WeakReference<HttpConnection> upgraded = http.get(10, TimeUnit.SECONDS);
        for (int i = 0; i < 50 && upgraded.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertNull(upgraded.get(), "the upgraded HTTP connection is garbage while the WebSocket is open");
        client.sendRaw("{\"n\":2}");
        assertEquals(2, client.await(m -> m.containsKey("echo"), "a second echo").getJsonObject("echo").getInteger("n"));
    }
}
