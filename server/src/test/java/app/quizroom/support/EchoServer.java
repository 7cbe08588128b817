package app.quizroom.support;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;

import java.util.concurrent.TimeUnit;

/**
 * A WebSocket echo endpoint for the Autobahn|Testsuite fuzzing client (which needs an echo; the quiz's /ws is not
 * one). It runs the server's WebSocket layer as QuizServer configures it, with its defaults: compression off, frames
 * and messages of at most QUIZROOM_MAX_MESSAGE_BYTES (4096), the read-idle timeout, and a failed frame closing the
 * socket as the Gateway closes it. What it tests is Vert.x's and Netty's protocol handling under those options, not
 * the game.
 *
 * <p>Usage: {@code EchoServer <port>} (the Autobahn Maven plugin passes the port).
 */
public final class EchoServer {

    /** As QuizServer.serverOptions() with the defaults of Config; keep the two in step. */
    public static HttpServerOptions quizServerOptions(int port) {
        return new HttpServerOptions()
                .setPort(port)
                .setHost("127.0.0.1")
                .setPerFrameWebSocketCompressionSupported(false)
                .setPerMessageWebSocketCompressionSupported(false)
                .setMaxWebSocketFrameSize(4096)
                .setMaxWebSocketMessageSize(4096)
                .setReadIdleTimeout(30);
    }

    private EchoServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Vertx vertx = Vertx.vertx();
        vertx.createHttpServer(quizServerOptions(port))
                .webSocketHandler(EchoServer::echo)
                .listen()
                .await(10, TimeUnit.SECONDS);
        System.out.println("echo server on port " + port);
    }

    private static void echo(ServerWebSocket socket) {
        socket.textMessageHandler(socket::writeTextMessage);
        socket.binaryMessageHandler(socket::writeBinaryMessage);
        // As the Gateway does: Vert.x reports a bad frame here and leaves the socket open.
        socket.exceptionHandler(failure -> {
            if (!socket.isClosed()) {
                socket.close((short) 1009, "message too big");
            }
        });
    }
}
