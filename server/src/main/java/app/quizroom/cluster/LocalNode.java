package app.quizroom.cluster;

import app.quizroom.support.Clock;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * This node as the edge protocol's classes on it use it: who it is, its clock, and the Vert.x instance it sends
 * messages and sets timers through. One for the node, shared by the owner's side and the edge's side.
 */
public record LocalNode(Member self, Vertx vertx, Clock clock) {

    /** A message from this node about the room of {@code pin}; the caller adds what it carries. */
    JsonObject message(String pin) {
        return EdgeBus.from(pin, self);
    }

    void send(String address, JsonObject message) {
        vertx.eventBus().send(address, message);
    }
}
