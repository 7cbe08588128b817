package app.quizroom.game;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The seats of a room and the connections holding them. A seat outlives its connection (a phone that drops keeps
 * its seat for a {@code rejoin}); a kicked player's seat is gone, but their name stays taken. Owned by the room.
 */
final class Roster {

    private final Map<Integer, Player> players = new LinkedHashMap<>();
    private final Map<String, Player> bySeat = new HashMap<>();
    private final Set<String> takenNames = new HashSet<>();
    private final Map<Link, Player> byLink = new HashMap<>();
    private final RoomMetrics metrics;
    private int nextId = 1;
    private int connected;

    Roster(RoomMetrics metrics) {
        this.metrics = metrics;
    }

    /** A new seat under a name that is not taken (the caller checks), with a fresh seat token. */
    Player seat(Nicknames.Valid name) {
        int id = nextId++;
        Player player = new Player(id, name.display(), name.key(), Tokens.newToken(), id);
        players.put(id, player);
        bySeat.put(player.seatToken, player);
        takenNames.add(name.key());
        return player;
    }

    /**
     * Removes a kicked player's seat; the name stays taken, and so does the token, as one this room issued (see
     * {@link #issued}). Returns null if there is no such player.
     */
    Player remove(int id) {
        Player player = players.remove(id);
        if (player != null) {
            player.kicked = true;
        }
        return player;
    }

    boolean nameTaken(String key) {
        return takenNames.contains(key);
    }

    Player byId(int id) {
        return players.get(id);
    }

    Player bySeatToken(String token) {
        Player player = token == null ? null : bySeat.get(token);
        return player != null && !player.kicked && Tokens.same(player.seatToken, token) ? player : null;
    }

    /**
     * Whether this room ever handed out this seat token (kicked seats included). A token it never issued is a
     * guess; one it issued is not, whatever became of its seat.
     */
    boolean issued(String token) {
        Player player = token == null ? null : bySeat.get(token);
        return player != null && Tokens.same(player.seatToken, token);
    }

    Player byLink(Link link) {
        return byLink.get(link);
    }

    /** The players in the room (kicked ones excluded), in joining order. */
    Collection<Player> all() {
        return players.values();
    }

    int size() {
        return players.size();
    }

    /** Seats that have a connection now. */
    int connected() {
        return connected;
    }

    void bind(Player player, Link link) {
        if (player.link == link) {
            return;
        }
        player.link = link;
        byLink.put(link, player);
        connected++;
        metrics.playerConnected();
        link.seated();
    }

    /** Detaches a player's connection (the seat stays); returns the link that was detached. */
    Link unbind(Player player) {
        Link link = player.link;
        byLink.remove(link);
        player.link = null;
        connected--;
        metrics.playerDisconnected();
        return link;
    }

    /** Every player connection, for closing the room. */
    List<Link> links() {
        return new ArrayList<>(byLink.keySet());
    }

    void unbindAll() {
        new ArrayList<>(byLink.values()).forEach(this::unbind);
    }
}
