package app.quizroom.support;

import app.quizroom.config.Config;
import app.quizroom.transport.TextMessages;
import app.quizroom.transport.WebServer;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A WebSocket echo endpoint for the Autobahn|Testsuite fuzzing client, which needs an echo (the quiz's /ws is
 * not one). It runs the server's own WebSocket layer: the options of {@link WebServer#options} and the
 * frame reader {@link TextMessages} the Gateway uses (strict UTF-8, size limit, close codes), so the suite tests
 * what the game runs on. The one difference: a message limit of 64 KiB instead of 4 KiB, since several cases
 * send messages of 64 KiB and the quiz's smaller limit is a policy checked by its own tests.
 *
 * <p>Usage: {@code EchoServer <port>} (the Autobahn Maven plugin passes the port).
 */
public final class EchoServer {

    private EchoServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Config config = Config.fromEnv(Map.of("QUIZROOM_PORT", Integer.toString(port), "QUIZROOM_BIND", "127.0.0.1",
                "QUIZROOM_PUBLIC_URL", "http://127.0.0.1:" + port, "QUIZROOM_MAX_MESSAGE_BYTES", "65536"));
        Vertx vertx = Vertx.vertx();
        vertx.createHttpServer(WebServer.options(config))
                .webSocketHandler(socket -> echo(socket, config.maxMessageBytes()))
                .listen()
                .await(10, TimeUnit.SECONDS);
        System.out.println("echo server on port " + port);
    }

    private static void echo(ServerWebSocket socket, int maxBytes) {
        TextMessages.install(socket, maxBytes, new TextMessages.Listener() {
            @Override
            public void text(String message) {
                socket.writeTextMessage(message);
            }

            @Override
            public void binary(Buffer message) {
                socket.writeBinaryMessage(message);
            }

            @Override
            public void refused(String reason) {
            }
        });
    }
}
