package app.quizroom.protocol;

import app.quizroom.config.Limits;
import com.fasterxml.jackson.annotation.JsonTypeName;

import java.util.List;

/**
 * Everything a client may send, one record per {@code type}, grouped by who may send it: a {@link Hello} asks a
 * room for a seat or the host's place, a {@link PlayerCommand} comes from a seat, a {@link HostCommand} from the
 * host, and a {@link Ping} from anyone. A record's {@link JsonTypeName} is its wire name, and {@link Codec} reads
 * the whole set from this sealed hierarchy: declaring the record here is all it takes to register a type. Each
 * role has a visitor with one method per record, so a new record does not compile until every handler of its
 * role handles it. Fields a client adds beyond these (a claimed time, lag or score) are ignored.
 */
public sealed interface ClientMessage {

    /** Addresses a room by its PIN, asking for a seat or the host's place. */
    sealed interface Hello extends ClientMessage {

        String pin();

        <R, P> R accept(Visitor<R, P> visitor, P p);

        /** Handles each kind of hello; {@code P} is what the handler needs besides the message. */
        interface Visitor<R, P> {
            R join(Join join, P p);

            R rejoin(Rejoin rejoin, P p);

            R host(Host host, P p);
        }
    }

    /** Sent by a seated player. */
    sealed interface PlayerCommand extends ClientMessage {

        <R, P> R accept(Visitor<R, P> visitor, P p);

        /** Handles each player command; {@code P} is what the handler needs besides the message. */
        interface Visitor<R, P> {
            R answer(Answer answer, P p);

            R switchTeam(SwitchTeam switchTeam, P p);
        }
    }

    /** Sent by the room's host only. */
    sealed interface HostCommand extends ClientMessage {

        <R, P> R accept(Visitor<R, P> visitor, P p);

        /** Handles each host command; {@code P} is what the handler needs besides the message. */
        interface Visitor<R, P> {
            R start(Start start, P p);

            R next(Next next, P p);

            R skip(Skip skip, P p);

            R pause(Pause pause, P p);

            R resume(Resume resume, P p);

            R end(End end, P p);

            R lock(Lock lock, P p);

            R unlock(Unlock unlock, P p);

            R kick(Kick kick, P p);

            R kickRecent(KickRecent kickRecent, P p);

            R unban(Unban unban, P p);

            R moveTeam(MoveTeam moveTeam, P p);

            R rebalance(Rebalance rebalance, P p);
        }
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

        @Override
        public <R, P> R accept(Hello.Visitor<R, P> visitor, P p) {
            return visitor.join(this, p);
        }
    }

    /** Take back one's seat after a reload, sleep or network drop. */
    @JsonTypeName("rejoin")
    record Rejoin(String pin, String seatToken) implements Hello {
        public Rejoin {
            require(pin, "pin");
            require(seatToken, "seatToken");
        }

        @Override
        public <R, P> R accept(Hello.Visitor<R, P> visitor, P p) {
            return visitor.rejoin(this, p);
        }
    }

    /** Attach this socket as the room's host (the projector). */
    @JsonTypeName("host")
    record Host(String pin, String hostToken) implements Hello {
        public Host {
            require(pin, "pin");
            require(hostToken, "hostToken");
        }

        @Override
        public <R, P> R accept(Hello.Visitor<R, P> visitor, P p) {
            return visitor.host(this, p);
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

        @Override
        public <R, P> R accept(PlayerCommand.Visitor<R, P> visitor, P p) {
            return visitor.answer(this, p);
        }
    }

    /** Change team, in the lobby of a game where players pick their team. */
    @JsonTypeName("switchTeam")
    record SwitchTeam(Integer team) implements PlayerCommand {
        public SwitchTeam {
            require(team, "team");
        }

        @Override
        public <R, P> R accept(PlayerCommand.Visitor<R, P> visitor, P p) {
            return visitor.switchTeam(this, p);
        }
    }

    /** Leave the lobby for the first question. */
    @JsonTypeName("start")
    record Start() implements HostCommand {
        @Override
        public <R, P> R accept(HostCommand.Visitor<R, P> visitor, P p) {
            return visitor.start(this, p);
        }
    }

    /** Move on to the next phase. */
    @JsonTypeName("next")
    record Next() implements HostCommand {
        @Override
        public <R, P> R accept(HostCommand.Visitor<R, P> visitor, P p) {
            return visitor.next(this, p);
        }
    }

    /** Close the open question now. */
    @JsonTypeName("skip")
    record Skip() implements HostCommand {
        @Override
        public <R, P> R accept(HostCommand.Visitor<R, P> visitor, P p) {
            return visitor.skip(this, p);
        }
    }

    /** Freeze the countdown. */
    @JsonTypeName("pause")
    record Pause() implements HostCommand {
        @Override
        public <R, P> R accept(HostCommand.Visitor<R, P> visitor, P p) {
            return visitor.pause(this, p);
        }
    }

    /** Restart a frozen countdown. */
    @JsonTypeName("resume")
    record Resume() implements HostCommand {
        @Override
        public <R, P> R accept(HostCommand.Visitor<R, P> visitor, P p) {
            return visitor.resume(this, p);
        }
    }

    /** Go to the podium now, or finish from the lobby or the podium. */
    @JsonTypeName("end")
    record End() implements HostCommand {
        @Override
        public <R, P> R accept(HostCommand.Visitor<R, P> visitor, P p) {
            return visitor.end(this, p);
        }
    }

    /** Refuse new joins. */
    @JsonTypeName("lock")
    record Lock() implements HostCommand {
        @Override
        public <R, P> R accept(HostCommand.Visitor<R, P> visitor, P p) {
            return visitor.lock(this, p);
        }
    }

    /** Accept joins again. */
    @JsonTypeName("unlock")
    record Unlock() implements HostCommand {
        @Override
        public <R, P> R accept(HostCommand.Visitor<R, P> visitor, P p) {
            return visitor.unlock(this, p);
        }
    }

    /** Remove a player's seat for good. */
    @JsonTypeName("kick")
    record Kick(Integer playerId) implements HostCommand {
        public Kick {
            require(playerId, "playerId");
        }

        @Override
        public <R, P> R accept(HostCommand.Visitor<R, P> visitor, P p) {
            return visitor.kick(this, p);
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

        @Override
        public <R, P> R accept(HostCommand.Visitor<R, P> visitor, P p) {
            return visitor.kickRecent(this, p);
        }
    }

    /** Let a kicked player's phone back in: its device may join again, and its name is free. */
    @JsonTypeName("unban")
    record Unban(Integer playerId) implements HostCommand {
        public Unban {
            require(playerId, "playerId");
        }

        @Override
        public <R, P> R accept(HostCommand.Visitor<R, P> visitor, P p) {
            return visitor.unban(this, p);
        }
    }

    /** Move a player to another team (any phase; the move is shown). */
    @JsonTypeName("moveTeam")
    record MoveTeam(Integer playerId, Integer team) implements HostCommand {
        public MoveTeam {
            require(playerId, "playerId");
            require(team, "team");
        }

        @Override
        public <R, P> R accept(HostCommand.Visitor<R, P> visitor, P p) {
            return visitor.moveTeam(this, p);
        }
    }

    /** Deal the players out again evenly, at random (lobby only). */
    @JsonTypeName("rebalance")
    record Rebalance() implements HostCommand {
        @Override
        public <R, P> R accept(HostCommand.Visitor<R, P> visitor, P p) {
            return visitor.rebalance(this, p);
        }
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
