package app.quizroom.game;

import app.quizroom.protocol.ClientMessage;
import app.quizroom.protocol.ErrorCode;
import app.quizroom.protocol.Handlers;
import app.quizroom.protocol.ServerMessage;
import app.quizroom.support.RateLimiter;
import app.quizroom.support.Tokens;

import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Who may come in: decides on a {@code join}, a {@code rejoin} and a {@code host} from the connection that sent it,
 * checking in the order docs/protocol.md gives. It changes nothing but the join allowance, which only a join that
 * takes a seat spends (and the draws of a generated name, and the wrong patterns seen); the room carries out what
 * it decides. Owned by the room.
 *
 * <p>To a connection not yet in the room, a token the room never issued gets the very answer of a PIN that does
 * not exist ({@link WrongGuess}), so that guessing tokens cannot tell a live PIN from a free one.
 */
final class Admission {

    /** What to do with a hello. */
    sealed interface Outcome permits NewPlayer, Returning, NewHost, MustChooseTeam, GameOver, Declined, WrongGuess,
            Refusal {
    }

    /**
     * A join refused for what it carried (a name, a team, a join pattern, a kicked phone's device token): its sender
     * pays, not the room.
     */
    record Declined(Refusal reply) implements Outcome {
    }

    /** A guess the room knows is wrong (a token it never issued, a wrong pattern): answered, and counted as a miss. */
    record WrongGuess(Refusal reply) implements Outcome {
    }

    /** The answer to a token this room never issued: word for word that to a PIN no game has. */
    static final Refusal NO_SUCH_ROOM = new Refusal(ErrorCode.ROOM_NOT_FOUND, Room.NO_SUCH_ROOM);

    /**
     * Seat a new player under this name, in this team (null in an individual game), from the phone with this
     * device token (null if it sent none).
     */
    record NewPlayer(Nicknames.Valid name, Team team, String device) implements Outcome {
    }

    /** Give this seat to the connection (after a reload, or taking it over from an older connection). */
    record Returning(Player player) implements Outcome {
    }

    /** Make the connection the host, in place of any other. */
    record NewHost() implements Outcome {
    }

    /** Players pick their team and this one has not: offer the teams; no seat is taken. */
    record MustChooseTeam(List<ServerMessage.TeamInfo> teams) implements Outcome {
    }

    /** A rejoin after the game ended: it is told so. */
    record GameOver() implements Outcome {
    }

    /** The SHA-256 of the host token ({@link Tokens#hash}). */
    private final String hostTokenHash;
    private final GameOptions options;
    private final Room.Limits limits;
    private final Roster roster;
    /** Null in an individual game. */
    private final Teams teams;
    private final Gate gate;
    private final Audience audience;
    private final Supplier<Phase> phase;
    private final RateLimiter joins;
    private final Random random;
    /** Null unless the game has two-step join. */
    private final JoinPattern pattern;
    private final Handlers<ClientMessage.Hello, Link, Outcome> handlers = new Handlers<ClientMessage.Hello, Link,
            Outcome>(ClientMessage.Hello.class).on(ClientMessage.Join.class, this::join)
            .on(ClientMessage.Rejoin.class, this::rejoin).on(ClientMessage.Host.class, this::host).complete();

    Admission(String hostTokenHash, GameOptions options, Room.Limits limits, Roster roster, Teams teams, Gate gate,
              Audience audience, Supplier<Phase> phase, RateLimiter joins, Random random, JoinPattern pattern) {
        this.hostTokenHash = hostTokenHash;
        this.options = options;
        this.limits = limits;
        this.roster = roster;
        this.teams = teams;
        this.gate = gate;
        this.audience = audience;
        this.phase = phase;
        this.joins = joins;
        this.random = random;
        this.pattern = pattern;
    }

    /** What to do with this hello from this connection. */
    Outcome decide(ClientMessage.Hello hello, Link link) {
        return handlers.handle(hello, link);
    }

    private Outcome join(ClientMessage.Join join, Link link) {
        if (roster.byLink(link) != null || audience.isHost(link)) {
            return new Refusal(ErrorCode.ALREADY_JOINED, "This connection is already in the game.");
        }
        if (phase.get() == Phase.FINISHED) {
            return new Refusal(ErrorCode.ROOM_NOT_FOUND, Room.NO_SUCH_ROOM);
        }
        if (gate.shuttingDown()) {
            return new Refusal(ErrorCode.SHUTTING_DOWN, "The server is restarting; try again in a moment.");
        }
        if (gate.locked()) {
            // The same answer as for a PIN that does not exist, so that a locked room cannot be found by scanning.
            return new Refusal(ErrorCode.ROOM_NOT_FOUND, Room.NO_SUCH_ROOM);
        }
        // The host's kick bans the phone's device token. Declined, so a kicked bot that keeps trying is cut off
        // like any sender of refused joins, and spends none of the room's allowance.
        if (roster.banned(join.device())) {
            return new Declined(new Refusal(ErrorCode.BANNED, "The teacher removed this phone from the game. Ask "
                    + "the teacher to let you back in."));
        }
        if (roster.size() >= options.classSize()) {
            return new Refusal(ErrorCode.ROOM_FULL, "This game is full: the teacher set it for "
                    + options.classSize() + " players.");
        }
        if (pattern != null) {
            Outcome checked = pattern.check(join.pattern(), link.address());
            if (checked != null) {
                return checked;
            }
        }
        Nicknames.Result named = options.generatedNames() ? generatedName() : chosenName(join.name());
        if (named instanceof Refusal refusal) {
            return new Declined(refusal);
        }
        Team team = null;
        if (teams != null) {
            Teams.Placement placement = teams.place(join.team());
            if (placement instanceof Refusal refusal) {
                return refusal.code() == ErrorCode.TEAM_REQUIRED ? new MustChooseTeam(teams.infos())
                        : new Declined(refusal);
            }
            team = ((Teams.Placed) placement).team();
        }
        // Last, so that only a join that takes a seat spends the room's allowance.
        if (!joins.tryAcquire()) {
            return new Refusal(ErrorCode.RATE_LIMITED, "Many people are joining at once; try again in a moment.");
        }
        return new NewPlayer((Nicknames.Valid) named, team, join.device());
    }

    private Nicknames.Result generatedName() {
        String generated = NameGenerator.next(random, candidate -> roster.nameTaken(Nicknames.key(candidate)));
        return new Nicknames.Valid(generated, Nicknames.key(generated));
    }

    private Nicknames.Result chosenName(String raw) {
        Nicknames.Result checked = Nicknames.check(raw);
        if (checked instanceof Nicknames.Valid name) {
            if (limits.blocklist().blocks(name.display())) {
                return new Refusal(ErrorCode.NAME_BLOCKED, "Please choose another nickname.");
            }
            if (roster.nameTaken(name.key())) {
                return new Refusal(ErrorCode.NAME_TAKEN, "Someone already has that nickname; try another.");
            }
        }
        return checked;
    }

    private Outcome rejoin(ClientMessage.Rejoin rejoin, Link link) {
        if (audience.isHost(link)) {
            return new Refusal(ErrorCode.NOT_ALLOWED, "The host's connection cannot take a player's seat.");
        }
        Player player = roster.bySeatToken(rejoin.seatToken());
        if (player == null) {
            // A kicked seat's token is no guess, and a connection in the room already knows the room is there.
            return roster.issued(rejoin.seatToken()) || roster.byLink(link) != null
                    ? new Refusal(ErrorCode.BAD_TOKEN, "That seat is not available; join again with a nickname.")
                    : new WrongGuess(NO_SUCH_ROOM);
        }
        if (phase.get() == Phase.FINISHED) {
            return new GameOver();
        }
        Player current = roster.byLink(link);
        if (current != null && current != player) {
            return new Refusal(ErrorCode.ALREADY_JOINED, "This connection already holds another seat.");
        }
        return new Returning(player);
    }

    private Outcome host(ClientMessage.Host host, Link link) {
        if (!Tokens.same(hostTokenHash, Tokens.hash(host.hostToken()))) {
            return roster.byLink(link) != null || audience.isHost(link)
                    ? new Refusal(ErrorCode.BAD_TOKEN, "That host key is not valid for this game.")
                    : new WrongGuess(NO_SUCH_ROOM);
        }
        if (roster.byLink(link) != null) {
            return new Refusal(ErrorCode.NOT_ALLOWED, "A player's connection cannot become the host.");
        }
        return new NewHost();
    }
}
