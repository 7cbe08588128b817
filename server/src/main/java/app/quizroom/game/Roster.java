package app.quizroom.game;

import app.quizroom.support.Tokens;
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
 * its seat for a {@code rejoin}); a kicked player's seat is gone, but their name stays taken and their phone's device
 * token stays banned until the host lets them back in. Owned by the room.
 */
final class Roster {

    private final Map<Integer, Player> players = new LinkedHashMap<>();
    /** By the SHA-256 of the seat token, so that a room restored from its saved state (hashes only) matches too. */
    private final Map<String, Player> bySeat = new HashMap<>();
    /** Every look-alike form of every name taken (kicked players' included), counted: names may share forms. */
    private final Map<String, Integer> takenForms = new HashMap<>();
    private final Map<Link, Player> byLink = new HashMap<>();
    /** Kicked players not let back in, in the order kicked. */
    private final Map<Integer, Player> kicked = new LinkedHashMap<>();
    private final Set<String> bannedDevices = new HashSet<>();
    private final RoomMetrics metrics;
    private int nextId = 1;
    private int connected;

    Roster(RoomMetrics metrics) {
        this.metrics = metrics;
    }

    /** A new seat under a name that is not taken (the caller checks), with a fresh seat token. */
    Player seat(Nicknames.Valid name) {
        return seat(name, null, 0);
    }

    /**
     * A new seat, as {@link #seat(Nicknames.Valid)}, taken at {@code now} (server clock) by the phone with this
     * device token (null if none).
     */
    Player seat(Nicknames.Valid name, String device, long now) {
        int id = nextId++;
        Player player = new Player(id, name.display(), name.key(), Tokens.newToken(), id);
        player.joinedAt = now;
        player.device = device;
        add(player);
        return player;
    }

    private void add(Player player) {
        players.put(player.id, player);
        bySeat.put(player.seatTokenHash, player);
        Confusables.forms(player.nameKey).forEach(form -> takenForms.merge(form, 1, Integer::sum));
    }

    /**
     * Puts back a seat from a saved state (a room taken over from another node): in the room, or kicked (name
     * taken, device banned). Seats come back in joining order, then the kicked in the order kicked.
     */
    void restore(Player player, boolean wasKicked) {
        add(player);
        nextId = Math.max(nextId, player.id + 1);
        if (wasKicked) {
            remove(player.id);
        }
    }

    /** After a restore: ids go on from the saved next id (ids of seats let go are not handed out again). */
    void resumeIdsAt(int next) {
        nextId = Math.max(nextId, next);
    }

    /** The next seat's id (saved with the room's state, so that a restored room never hands an id out twice). */
    int nextId() {
        return nextId;
    }

    /** A restored seat's token, learnt from the phone that rejoined with it (the saved state keeps only hashes). */
    void learnToken(Player player, String token) {
        if (player.seatToken == null) {
            player.seatToken = token;
        }
    }

    /**
     * Removes a kicked player's seat; the name stays taken, the phone's device is banned, and the token stays one
     * this room issued (see {@link #issued}). Returns null if there is no such player.
     */
    Player remove(int id) {
        Player player = players.remove(id);
        if (player != null) {
            player.kicked = true;
            kicked.put(id, player);
            if (player.device != null) {
                bannedDevices.add(player.device);
            }
        }
        return player;
    }

    /**
     * Lets a kicked player back in: their phone's device may join again and their name is free (the seat stays gone:
     * they join anew). Returns null if no kicked player has this id.
     */
    Player unban(int id) {
        Player player = kicked.remove(id);
        if (player != null) {
            if (player.device != null && kicked.values().stream().noneMatch(k -> player.device.equals(k.device))) {
                bannedDevices.remove(player.device);
            }
            Confusables.forms(player.nameKey).forEach(form -> takenForms.computeIfPresent(form,
                    (f, n) -> n == 1 ? null : n - 1));
        }
        return player;
    }

    /** Whether this device token belongs to a phone the host kicked (and has not let back in). */
    boolean banned(String device) {
        return device != null && bannedDevices.contains(device);
    }

    /** Kicked players not let back in, in the order kicked. */
    Collection<Player> kicked() {
        return kicked.values();
    }

    /** The players (kicked ones excluded) who took their seat at {@code since} or later, in joining order. */
    List<Player> joinedSince(long since) {
        return players.values().stream().filter(p -> p.joinedAt >= since).toList();
    }

    /** Whether a seated or kicked player's name equals this one ignoring case and spaces, or looks like it. */
    boolean nameTaken(String key) {
        for (String form : Confusables.forms(key)) {
            if (takenForms.containsKey(form)) {
                return true;
            }
        }
        return false;
    }

    Player byId(int id) {
        return players.get(id);
    }

    Player bySeatToken(String token) {
        String hash = Tokens.hash(token);
        Player player = hash == null ? null : bySeat.get(hash);
        return player != null && !player.kicked && Tokens.same(player.seatTokenHash, hash) ? player : null;
    }

    /**
     * Whether this room ever handed out this seat token (kicked seats included). A token it never issued is a
     * guess; one it issued is not, whatever became of its seat.
     */
    boolean issued(String token) {
        String hash = Tokens.hash(token);
        Player player = hash == null ? null : bySeat.get(hash);
        return player != null && Tokens.same(player.seatTokenHash, hash);
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
        link.seatedAs(player.id);
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
