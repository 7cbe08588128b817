package app.quizroom.server;

import app.quizroom.game.Room;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * What the server keeps about each room it opened beyond the room itself: the address that asked for it (live
 * rooms per address are capped) and whether a player ever joined it (a room nobody joined is swept sooner).
 */
final class OpenRooms {

    private record Entry(String creator, SeatWatch seats) {
    }

    private final Map<Room, Entry> rooms = new ConcurrentHashMap<>();
    private final Consumer<String> onRemoved;

    OpenRooms() {
        this(pin -> { });
    }

    /** @param onRemoved told the PIN of each room removed (a cluster node gives the PIN back) */
    OpenRooms(Consumer<String> onRemoved) {
        this.onRemoved = onRemoved;
    }

    /** @param creator the address that created the room; null when it is not counted */
    void opened(Room room, String creator, SeatWatch seats) {
        rooms.put(room, new Entry(creator, seats));
    }

    void removed(Room room) {
        rooms.remove(room);
        onRemoved.accept(room.pin());
    }

    /** Live rooms that this address created. */
    int createdBy(String creator) {
        return (int) rooms.values().stream().filter(e -> Objects.equals(e.creator, creator)).count();
    }

    /** True once a player has joined the room (a room the server did not open counts as joined: it is kept). */
    boolean everJoined(Room room) {
        Entry entry = rooms.get(room);
        return entry == null || entry.seats.seated();
    }
}
