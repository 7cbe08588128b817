package app.quizroom.transport;

import app.quizroom.config.Config;
import app.quizroom.protocol.CloseCode;
import app.quizroom.protocol.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.junit5.Checkpoint;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The frame reader every game socket goes through, on a real Vert.x server and client, asynchronously: whole and
 * fragmented text reaches the listener as one message, and a message past the size limit closes the socket with
 * 1009 and is reported once. The server's own WebSocket options are used, so what is tested is what runs.
 */
@ExtendWith(VertxExtension.class)
class TextMessagesTest {

    private static final int MAX_BYTES = 64;

    private Vertx vertx;

    @BeforeEach
    void vertx(Vertx vertx) {
        this.vertx = vertx;
    }

    /** A server on a free port whose sockets hand their messages to {@code listener}. */
    private Future<HttpServer> server(TextMessages.Listener listener) {
        Config config = Config.fromEnv(Map.of("QUIZROOM_PORT", "0", "QUIZROOM_BIND", "127.0.0.1"));
        return vertx.createHttpServer(WebServer.options(config))
                .webSocketHandler(socket -> TextMessages.install(socket, MAX_BYTES, listener))
                .listen(0, "127.0.0.1");
    }

    private Future<WebSocket> connect(HttpServer server) {
        return vertx.createWebSocketClient().connect(new WebSocketConnectOptions().setHost("127.0.0.1")
                .setPort(server.actualPort()).setURI("/ws"));
    }

    @Test
    void wholeAndFragmentedTextEachReachTheListenerAsOneMessage(VertxTestContext test) {
        Checkpoint whole = test.checkpoint();
        Checkpoint joined = test.checkpoint();
        server(listener(test, message -> {
            if (message.equals("hello")) {
                whole.flag();
            } else {
                test.verify(() -> assertEquals("fragmented", message));
                joined.flag();
            }
        })).compose(this::connect).onComplete(test.succeeding(ws -> ws.writeTextMessage("hello")
                .compose(v -> ws.writeFrame(WebSocketFrame.textFrame("frag", false)))
                .compose(v -> ws.writeFrame(WebSocketFrame.continuationFrame(Buffer.buffer("mented"), true)))
                .onFailure(test::failNow)));
    }

    @Test
    void aMessagePastTheLimitClosesTheSocketWith1009AndIsReportedOnce(VertxTestContext test) {
        Checkpoint reported = test.checkpoint();
        Checkpoint closed = test.checkpoint();
        server(new TextMessages.Listener() {
            @Override
            public void text(String message) {
                test.failNow("an over-size message was delivered: " + message.length() + " characters");
            }

            @Override
            public void binary(Buffer message) {
                test.failNow("nothing binary was sent");
            }

            @Override
            public void refused(String reason) {
                test.verify(() -> assertEquals(ErrorCode.TOO_LARGE.wire(), reason));
                reported.flag();
            }
        }).compose(this::connect).onComplete(test.succeeding(ws -> {
            ws.closeHandler(v -> {
                test.verify(() -> assertEquals(CloseCode.TOO_BIG.code(), (int) ws.closeStatusCode()));
                closed.flag();
            });
            ws.writeTextMessage("x".repeat(MAX_BYTES + 1)).onFailure(test::failNow);
        }));
    }

    /** A listener that passes text on and fails the test on anything else. */
    private static TextMessages.Listener listener(VertxTestContext test, Consumer<String> text) {
        return new TextMessages.Listener() {
            @Override
            public void text(String message) {
                text.accept(message);
            }

            @Override
            public void binary(Buffer message) {
                test.failNow("nothing binary was sent");
            }

            @Override
            public void refused(String reason) {
                test.failNow("refused: " + reason);
            }
        };
    }
}
