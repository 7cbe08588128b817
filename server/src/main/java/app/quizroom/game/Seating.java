package app.quizroom.game;

import app.quizroom.protocol.ClientMessage;
import app.quizroom.protocol.CloseCode;
import app.quizroom.protocol.ServerMessage;
import app.quizroom.support.Clock;

import java.util.List;

/**
 * Carries out what {@link Admission} decided about a hello: seats a new player, reseats a returning one, attaches the
 * host, or answers a refusal; and lets connections go when they close. A seat changes the roster, the teams, the
 * standings, the recorder and the audience together, so this is the one place that changes them for a hello. Owned
 * by the room, on its context.
 */
final class Seating {

    private final Clock clock;
    private final GameRecorder recorder;
    /** Null in an individual game. */
    private final Teams teams;
    private final Roster roster;
    private final Scoreboard board;
    private final Frames frames;
    private final Audience audience;
    private final PhaseMachine phases;
    /** Null unless the game has two-step join. */
    private final JoinPattern pattern;
    private final GuessWatch guesses;
    private boolean storageFailing;

    /** @param room the room's parts: its clock, phases, roster, teams and standings */
    Seating(SavedRoom.Parts room, GameRecorder recorder, Frames frames, Audience audience, JoinPattern pattern,
            GuessWatch guesses) {
        this.clock = room.clock();
        this.phases = room.phases();
        this.roster = room.roster();
        this.teams = room.teams();
        this.board = room.board();
        this.recorder = recorder;
        this.frames = frames;
        this.audience = audience;
        this.pattern = pattern;
        this.guesses = guesses;
    }

    /** Carries out what admission decided about a hello. */
    void admit(Link link, ClientMessage.Hello hello, Admission.Outcome outcome, String ref) {
        if (outcome instanceof Admission.Returning returning && hello instanceof ClientMessage.Rejoin rejoin) {
            roster.learnToken(returning.player(), rejoin.seatToken());
        }
        if (outcome instanceof Refusal refusal) {
            audience.deliver(refusal, link, ref);
            return;
        }
        if (outcome instanceof Admission.Declined declined) {
            audience.deliver(declined.reply(), link, ref);
            link.joinRefused();
            return;
        }
        if (outcome instanceof Admission.WrongGuess guess) {
            audience.deliver(guess.reply(), link, ref);
            link.wrongGuess();
            guesses.guessed();
            return;
        }
        Outbox out = new Outbox();
        if (outcome instanceof Admission.NewPlayer newPlayer) {
            seat(link, newPlayer, out);
        } else if (outcome instanceof Admission.Returning returning) {
            reseat(link, returning.player(), out);
        } else if (outcome instanceof Admission.NewHost) {
            attachHost(link, out);
        } else if (outcome instanceof Admission.MustChooseTeam choose) {
            // No seat yet, so the join timeout still runs; and the sender, not the room, pays for the offer.
            link.joinRefused();
            out.toLink(link, new ServerMessage.ChooseTeam(choose.teams()));
        } else if (outcome instanceof Admission.GameOver) {
            out.toLink(link, new ServerMessage.Finished());
        }
        audience.deliver(out);
    }

    private void seat(Link link, Admission.NewPlayer newPlayer, Outbox out) {
        Player player = roster.seat(newPlayer.name(), newPlayer.device(), clock.millis());
        Team team = newPlayer.team();
        if (team != null) {
            teams.add(player, team);
        }
        if (phases.phase().compareTo(Phase.REVEAL) >= 0) {
            board.rank(roster.all()); // a late joiner gets a place in the standings shown from now on
        }
        roster.bind(player, link);
        recorder.playerJoined(player.id, player.name, team == null ? null : team.name);
        out.toHost(new ServerMessage.PlayerJoined(Frames.info(player), roster.size()))
                .toLink(link, frames.playerSnapshot(player, phases.now()));
    }

    private void reseat(Link link, Player player, Outbox out) {
        boolean wasConnected = player.link != null;
        if (wasConnected && player.link != link) {
            Link old = roster.unbind(player);
            out.close(old, CloseCode.REPLACED, "seat taken over by a newer connection");
        }
        roster.bind(player, link);
        if (!wasConnected) {
            out.toHost(new ServerMessage.PlayerConnection(player.id, true));
        }
        out.toLink(link, frames.playerSnapshot(player, phases.now()));
    }

    private void attachHost(Link link, Outbox out) {
        Link previous = audience.host();
        if (previous != null && previous != link) {
            out.close(previous, CloseCode.REPLACED, "host taken over by a newer connection");
        }
        audience.attachHost(link);
        link.seated();
        storageFailing |= !recorder.healthy();
        out.toHost(frames.hostSnapshot(phases.now(), storageFailing, recorder.gameId()));
        if (pattern != null && phases.phase() != Phase.FINISHED) {
            out.toHost(pattern.frame());
        }
    }

    /** A connection closed: the host's detaches; a player's seat stays, for a rejoin. True if a player left. */
    boolean left(Link link) {
        if (audience.isHost(link)) {
            audience.detachHost();
            return false;
        }
        Player player = roster.byLink(link);
        if (player == null || player.link != link) {
            return false;
        }
        roster.unbind(player);
        Outbox out = new Outbox().toHost(new ServerMessage.PlayerConnection(player.id, false));
        phases.closeIfAllAnswered(out);
        audience.deliver(out);
        return true;
    }

    /** The room is closing or moving: every connection is let go of (the host's last) and returned; seats stay. */
    List<Link> letGoOfAll() {
        List<Link> links = roster.links();
        roster.unbindAll();
        if (audience.host() != null) {
            links.add(audience.host());
        }
        audience.detachHost();
        return links;
    }

    /** The results store started or stopped failing: the host is told, since results may not be kept. */
    void storageChanged(boolean saving) {
        storageFailing = !saving;
        audience.deliver(new Outbox().toHost(Frames.storage(saving)));
    }
}
