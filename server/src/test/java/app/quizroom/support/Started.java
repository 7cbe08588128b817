package app.quizroom.support;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A JUnit extension for tests that start their own servers, each with settings of its own: whatever a test hands to
 * {@link #keep} is closed once it has run, newest first, even when it failed. Its WebSocket clients ({@link #client})
 * share one Vert.x, closed after them.
 */
public final class Started implements AfterEachCallback {

    private final Deque<AutoCloseable> open = new ArrayDeque<>();
    private Vertx vertx;

    /** Closes {@code resource} after the test; returns it. */
    public <T extends AutoCloseable> T keep(T resource) {
        open.push(resource);
        return resource;
    }

    /** A WebSocket client of the server listening on {@code port} (127.0.0.1), closed after the test. */
    public WsClient client(int port) {
        if (vertx == null) {
            Vertx clients = Vertx.vertx();
            keep(() -> clients.close().await()); // kept first, so closed after the clients
            vertx = clients;
        }
        return keep(WsClient.connect(vertx, port));
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        Exception first = null;
        while (!open.isEmpty()) {
            try {
                open.pop().close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        vertx = null;
        if (first != null) {
            throw first;
        }
    }
}
