package app.quizroom.server;

import app.quizroom.game.Clock;
import app.quizroom.game.Room;
import app.quizroom.game.RoomRegistry;

/** Closes and forgets rooms left idle longer than {@code QUIZROOM_ROOM_IDLE_MINUTES}; each room decides on its loop. */
final class RoomSweeper {

    private final RoomRegistry rooms;
    private final Clock clock;
    private final long idleMs;

    RoomSweeper(RoomRegistry rooms, Clock clock, int idleMinutes) {
        this.rooms = rooms;
        this.clock = clock;
        this.idleMs = idleMinutes * 60_000L;
    }

    void sweep() {
        long now = clock.millis();
        for (Room room : rooms.all()) {
            room.execute(() -> {
                if (room.isAbandoned(now, idleMs)) {
                    room.close();
                    rooms.remove(room);
                }
            });
        }
    }
}
