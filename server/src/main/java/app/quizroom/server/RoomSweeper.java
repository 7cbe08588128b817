package app.quizroom.server;

import app.quizroom.support.Clock;
import app.quizroom.game.Room;
import app.quizroom.game.RoomRegistry;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Closes and forgets rooms left idle: with no host and no player connected and nothing happening for
 * {@code QUIZROOM_ROOM_IDLE_MINUTES}, or for {@code QUIZROOM_EMPTY_ROOM_MINUTES} if no player ever joined (so that
 * rooms created and never used do not hold the server's places). Each room decides on its own loop.
 */
record RoomSweeper(RoomRegistry rooms, OpenRooms opened, Clock clock, int idleMinutes, int emptyRoomMinutes) {

    /** Completes with the number of rooms removed, once every room has decided. */
    CompletableFuture<Integer> sweep() {
        long now = clock.millis();
        List<CompletableFuture<Boolean>> decisions = new ArrayList<>();
        for (Room room : rooms.all()) {
            CompletableFuture<Boolean> removed = new CompletableFuture<>();
            decisions.add(removed);
            room.execute(() -> {
                try {
                    int minutes = opened.everJoined(room) ? idleMinutes : emptyRoomMinutes;
                    boolean idle = room.isAbandoned(now, minutes * 60_000L);
                    if (idle) {
                        room.close();
                        rooms.remove(room);
                        opened.removed(room);
                    }
                    removed.complete(idle);
                } finally {
                    removed.complete(false); // a room that failed to decide is kept, and the sweep still ends
                }
            });
        }
        return CompletableFuture.allOf(decisions.toArray(CompletableFuture[]::new))
                .thenApply(ignored -> (int) decisions.stream().filter(CompletableFuture::join).count());
    }
}
