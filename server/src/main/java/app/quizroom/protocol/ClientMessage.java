package app.quizroom.protocol;

import java.util.List;

/**
 * Everything a client may send, one record per {@code type}. Decoded only by {@link Codec}; fields a client adds
 * beyond these (a claimed time, lag or score) are ignored.
 */
public sealed interface ClientMessage {

    // ---- players ----

    /**
     * Take a seat in the room with this PIN. {@code name} may be left out where the game gives names;
     * {@code team} is the team chosen, in a team game where players pick.
     */
    record Join(String pin, String name, Integer team) implements ClientMessage {
        public Join {
            require(pin, "pin");
        }

        public Join(String pin, String name) {
            this(pin, name, null);
        }
    }

    /** Change team, in the lobby of a game where players pick their team. */
    record SwitchTeam(Integer team) implements ClientMessage {
        public SwitchTeam {
            require(team, "team");
        }
    }

    /** Take back one's seat after a reload, sleep or network drop. */
    record Rejoin(String pin, String seatToken) implements ClientMessage {
        public Rejoin {
            require(pin, "pin");
            require(seatToken, "seatToken");
        }
    }

    /**
     * An answer to question {@code question}. Exactly one of the answer fields is used, by question type:
     * {@code option} (single, truefalse, poll), {@code options} (multi), {@code order} (order), {@code value}
     * (numeric). Indices are as displayed. {@code nonce} makes a resend idempotent.
     */
    record Answer(Integer question, Integer option, List<Integer> options, List<Integer> order, Double value,
                  String nonce) implements ClientMessage {
        public Answer {
            require(question, "question");
            if (nonce != null && nonce.length() > 64) {
                throw new IllegalArgumentException("'nonce' may be at most 64 characters");
            }
        }
    }

    /** Keep-alive; answered with {@code pong}. */
    record Ping() implements ClientMessage {
    }

    // ---- host ----

    /** Attach this socket as the room's host (the projector). */
    record Host(String pin, String hostToken) implements ClientMessage {
        public Host {
            require(pin, "pin");
            require(hostToken, "hostToken");
        }
    }

    record Start() implements ClientMessage {
    }

    record Next() implements ClientMessage {
    }

    record Skip() implements ClientMessage {
    }

    record Pause() implements ClientMessage {
    }

    record Resume() implements ClientMessage {
    }

    record End() implements ClientMessage {
    }

    record Lock() implements ClientMessage {
    }

    record Unlock() implements ClientMessage {
    }

    record Kick(Integer playerId) implements ClientMessage {
        public Kick {
            require(playerId, "playerId");
        }
    }

    /** Move a player to another team (any phase; the move is shown). */
    record MoveTeam(Integer playerId, Integer team) implements ClientMessage {
        public MoveTeam {
            require(playerId, "playerId");
            require(team, "team");
        }
    }

    /** Deal the players out again evenly, at random (lobby only). */
    record Rebalance() implements ClientMessage {
    }

    /** Messages that only the host may send. */
    static boolean isHostCommand(ClientMessage m) {
        return m instanceof Start || m instanceof Next || m instanceof Skip || m instanceof Pause
                || m instanceof Resume || m instanceof End || m instanceof Lock || m instanceof Unlock
                || m instanceof Kick || m instanceof MoveTeam || m instanceof Rebalance;
    }

    private static void require(Object value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("missing '" + field + "'");
        }
    }
}
