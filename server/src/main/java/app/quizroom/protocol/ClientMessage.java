package app.quizroom.protocol;

import app.quizroom.config.Limits;
import com.fasterxml.jackson.annotation.JsonTypeName;

import java.util.List;

/**
 * Everything a client may send, one record per {@code type}, grouped by who may send it: a {@link Hello} asks a
 * room for a seat or the host's place, a {@link PlayerCommand} comes from a seat, a {@link HostCommand} from the
 * host, and a {@link Ping} from anyone. A record's {@link JsonTypeName} is its wire name, and {@link Codec} reads
 * the whole set from this sealed hierarchy: declaring the record here is all it takes to register a type. The
 * room handles each role through a {@link Handlers} table, which is refused unless it covers every record of its
 * role. Fields a client adds beyond these (a claimed time, lag or score) are ignored.
 */
public sealed interface ClientMessage {

    /** Addresses a room by its PIN, asking for a seat or the host's place. */
    sealed interface Hello extends ClientMessage {

        String pin();
    }

    /** Sent by a seated player. */
    sealed interface PlayerCommand extends ClientMessage {
    }

    /** Sent by the room's host only. */
    sealed interface HostCommand extends ClientMessage {
    }

    /**
     * Take a seat in the room with this PIN. {@code name} may be left out where the game gives names;
     * {@code team} is the team chosen, in a team game where players pick; {@code pattern} the shapes shown on the
     * projector (shape indices), in a game with two-step join; {@code device} is the random token the phone's
     * browser keeps, by which a kicked phone stays out of the game.
     */
    @JsonTypeName("join")
    record Join(String pin, String name, Integer team, List<Integer> pattern, String device) implements Hello {
        public Join {
            require(pin, "pin");
            if (pattern != null && (pattern.size() != Limits.JOIN_PATTERN_LENGTH
                    || pattern.stream().anyMatch(s -> s == null || s < 0 || s >= Limits.JOIN_PATTERN_SHAPES))) {
                throw new IllegalArgumentException("'pattern' must list " + Limits.JOIN_PATTERN_LENGTH
                        + " shape indices from 0 to " + (Limits.JOIN_PATTERN_SHAPES - 1));
            }
            pattern = pattern == null ? null : List.copyOf(pattern);
            if (device != null && device.length() > Limits.MAX_DEVICE_CHARS) {
                throw new IllegalArgumentException("'device' may be at most " + Limits.MAX_DEVICE_CHARS
                        + " characters");
            }
        }

        public Join(String pin, String name, Integer team, List<Integer> pattern) {
            this(pin, name, team, pattern, null);
        }

        public Join(String pin, String name, Integer team) {
            this(pin, name, team, null, null);
        }

        public Join(String pin, String name) {
            this(pin, name, null, null, null);
        }
    }

    /** Take back one's seat after a reload, sleep or network drop. */
    @JsonTypeName("rejoin")
    record Rejoin(String pin, String seatToken) implements Hello {
        public Rejoin {
            require(pin, "pin");
            require(seatToken, "seatToken");
        }
    }

    /** Attach this socket as the room's host (the projector). */
    @JsonTypeName("host")
    record Host(String pin, String hostToken) implements Hello {
        public Host {
            require(pin, "pin");
            require(hostToken, "hostToken");
        }
    }

    /**
     * An answer to question {@code question}. Exactly one of the answer fields is used, by question type:
     * {@code option} (single, truefalse, poll), {@code options} (multi), {@code order} (order), {@code value}
     * (numeric). Indices are as displayed. {@code nonce} makes a resend idempotent.
     */
    @JsonTypeName("answer")
    record Answer(Integer question, Integer option, List<Integer> options, List<Integer> order, Double value,
                  String nonce) implements PlayerCommand {
        public Answer {
            require(question, "question");
            if (nonce != null && nonce.length() > 64) {
                throw new IllegalArgumentException("'nonce' may be at most 64 characters");
            }
        }
    }

    /** Change team, in the lobby of a game where players pick their team. */
    @JsonTypeName("switchTeam")
    record SwitchTeam(Integer team) implements PlayerCommand {
        public SwitchTeam {
            require(team, "team");
        }
    }

    /** Leave the lobby for the first question. */
    @JsonTypeName("start")
    record Start() implements HostCommand {
    }

    /** Move on to the next phase. */
    @JsonTypeName("next")
    record Next() implements HostCommand {
    }

    /** Close the open question now. */
    @JsonTypeName("skip")
    record Skip() implements HostCommand {
    }

    /** Freeze the countdown. */
    @JsonTypeName("pause")
    record Pause() implements HostCommand {
    }

    /** Restart a frozen countdown. */
    @JsonTypeName("resume")
    record Resume() implements HostCommand {
    }

    /** Go to the podium now, or finish from the lobby or the podium. */
    @JsonTypeName("end")
    record End() implements HostCommand {
    }

    /** Refuse new joins. */
    @JsonTypeName("lock")
    record Lock() implements HostCommand {
    }

    /** Accept joins again. */
    @JsonTypeName("unlock")
    record Unlock() implements HostCommand {
    }

    /** Remove a player's seat for good. */
    @JsonTypeName("kick")
    record Kick(Integer playerId) implements HostCommand {
        public Kick {
            require(playerId, "playerId");
        }
    }

    /** Remove, as {@link Kick} does, every player who joined in the last {@code seconds} seconds. */
    @JsonTypeName("kickRecent")
    record KickRecent(Integer seconds) implements HostCommand {
        public KickRecent {
            require(seconds, "seconds");
            if (seconds < 1 || seconds > Limits.MAX_KICK_RECENT_SECONDS) {
                throw new IllegalArgumentException("'seconds' must be from 1 to " + Limits.MAX_KICK_RECENT_SECONDS);
            }
        }
    }

    /** Let a kicked player's phone back in: its device may join again, and its name is free. */
    @JsonTypeName("unban")
    record Unban(Integer playerId) implements HostCommand {
        public Unban {
            require(playerId, "playerId");
        }
    }

    /** Move a player to another team (any phase; the move is shown). */
    @JsonTypeName("moveTeam")
    record MoveTeam(Integer playerId, Integer team) implements HostCommand {
        public MoveTeam {
            require(playerId, "playerId");
            require(team, "team");
        }
    }

    /** Deal the players out again evenly, at random (lobby only). */
    @JsonTypeName("rebalance")
    record Rebalance() implements HostCommand {
    }

    /** Keep-alive; answered with {@code pong} at the edge, so it never reaches a room. */
    @JsonTypeName("ping")
    record Ping() implements ClientMessage {
    }

    private static void require(Object value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("missing '" + field + "'");
        }
    }
}
