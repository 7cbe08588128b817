package app.quizroom.game;

import app.quizroom.support.Tokens;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The live rooms by PIN. This is the one structure shared across event loops, hence a concurrent map; a room's
 * own state stays on its context.
 */
public final class RoomRegistry {

    private final Map<String, Room> rooms = new ConcurrentHashMap<>();
    private final int maxRooms;

    public RoomRegistry(int maxRooms) {
        this.maxRooms = maxRooms;
    }

    /** Creates a room under a fresh random PIN, or returns null when the server already holds its maximum. */
    public Room create(Function<String, Room> factory) {
        if (rooms.size() >= maxRooms) {
            return null;
        }
        for (int attempt = 0; attempt < 1000; attempt++) {
            String pin = Tokens.newPin();
            Room[] created = new Room[1];
            rooms.computeIfAbsent(pin, p -> created[0] = factory.apply(p));
            if (created[0] != null) {
                return created[0];
            }
        }
        return null;
    }

    /**
     * Creates a room under a PIN chosen elsewhere (a cluster node's PIN, claimed cluster-wide first), or returns
     * null when the server already holds its maximum or this PIN is in use here.
     */
    public Room createAt(String pin, Function<String, Room> factory) {
        if (rooms.size() >= maxRooms) {
            return null;
        }
        Room[] created = new Room[1];
        rooms.computeIfAbsent(pin, p -> created[0] = factory.apply(p));
        return created[0];
    }

    public Room get(String pin) {
        return pin == null ? null : rooms.get(pin);
    }

    public void remove(Room room) {
        rooms.remove(room.pin(), room);
    }

    public int size() {
        return rooms.size();
    }

    public Collection<Room> all() {
        return rooms.values();
    }
}
