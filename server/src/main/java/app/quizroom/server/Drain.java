package app.quizroom.server;

import app.quizroom.game.Phase;
import app.quizroom.game.Room;
import app.quizroom.game.RoomRegistry;
import app.quizroom.support.Clock;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Waits for a draining server's games to end: polls every second until no room has a game in play (each at its
 * podium, finished, or with nobody connected) or the drain time is over.
 */
record Drain(Vertx vertx, RoomRegistry rooms, Clock clock) {

    private static final long POLL_MS = 1000;
    private static final System.Logger LOG = System.getLogger("quizroom");

    /** Completes when no game is in play, or after {@code seconds} with games still in play. */
    Future<Void> await(int seconds) {
        LOG.log(System.Logger.Level.INFO, "draining: no new rooms; waiting up to " + seconds
                + " s for the games in play to end");
        Promise<Void> drained = Promise.promise();
        poll(System.nanoTime() + seconds * 1_000_000_000L, drained);
        return drained.future();
    }

    private void poll(long deadline, Promise<Void> drained) {
        gamesInPlay().onComplete(counted -> {
            boolean none = counted.succeeded() && counted.result() == 0;
            if (none || System.nanoTime() - deadline >= 0) {
                LOG.log(System.Logger.Level.INFO, none ? "drained: no game in play"
                        : "drain time over; stopping with games in play");
                drained.complete();
            } else {
                vertx.setTimer(POLL_MS, id -> poll(deadline, drained));
            }
        });
    }

    /** How many rooms have a game in play; each room answers on its own context. */
    private Future<Integer> gamesInPlay() {
        long now = clock.millis();
        List<Future<Boolean>> answers = new ArrayList<>();
        for (Room room : rooms.all()) {
            Promise<Boolean> inPlay = Promise.promise();
            answers.add(inPlay.future());
            room.execute(() -> inPlay.complete(room.phase() != Phase.PODIUM && room.phase() != Phase.FINISHED
                    && !room.isAbandoned(now, 0)));
        }
        return Future.all(answers).timeout(POLL_MS, TimeUnit.MILLISECONDS)
                .map(ignored -> (int) answers.stream().filter(Future::result).count());
    }
}
