package app.quizroom.transport;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.concurrent.Executor;
import java.util.function.Supplier;

/** The event-loop contexts that rooms run on ({@link RoomLoops}), for the composition root outside this package. */
public final class EventLoops {

    private EventLoops() {
    }

    /** Deploys one context per loop; the supplier hands them out in turn, so that rooms spread over the loops. */
    public static Future<Supplier<Executor>> forRooms(Vertx vertx, int count) {
        return RoomLoops.deploy(vertx, count).map(loops -> loops::next);
    }
}
