package app.quizroom.transport;

import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VerticleBase;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Event-loop contexts for rooms, handed out in turn so that rooms spread over the loops. Each room then runs
 * all its work on its one context.
 */
final class RoomLoops {

    private final List<Context> contexts;
    private final AtomicInteger turn = new AtomicInteger();

    private RoomLoops(List<Context> contexts) {
        this.contexts = List.copyOf(contexts);
    }

    /** A verticle that does nothing but own an event-loop context. */
    private static final class Loop extends VerticleBase {
        private final List<Context> sink;

        Loop(List<Context> sink) {
            this.sink = sink;
        }

        @Override
        public Future<?> start() {
            sink.add(context);
            return Future.succeededFuture();
        }
    }

    static Future<RoomLoops> deploy(Vertx vertx, int count) {
        List<Context> contexts = new CopyOnWriteArrayList<>();
        return vertx.deployVerticle(() -> new Loop(contexts), new DeploymentOptions().setInstances(count))
                .map(id -> new RoomLoops(contexts));
    }

    Executor next() {
        Context context = contexts.get(Math.floorMod(turn.getAndIncrement(), contexts.size()));
        return task -> context.runOnContext(ignored -> task.run());
    }
}
