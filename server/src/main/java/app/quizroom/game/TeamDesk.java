package app.quizroom.game;

import app.quizroom.protocol.ErrorCode;
import app.quizroom.protocol.ServerMessage;

import java.util.ArrayList;
import java.util.Random;

/**
 * Team changes after joining: a player switching team in the lobby, the host moving a player (any phase, past any
 * cap) or dealing everyone out again (lobby only). Each returns the {@code teamChanged} frames to send, or a
 * {@link Refusal}. Owned by the room.
 *
 * @param teams null in an individual game
 */
record TeamDesk(Teams teams, Roster roster, GameRecorder recorder, Frames frames, Random random) {

    private static final String BY_PLAYER = "player";
    private static final String BY_HOST = "host";

    /** A player moves themselves: only where players pick, only in the lobby, never into a full team. */
    Reply switchTeam(Player player, int teamId, Phase phase) {
        if (teams == null || !teams.options().playersPick()) {
            return new Refusal(ErrorCode.NOT_ALLOWED, "Teams are set by the teacher in this game.");
        }
        if (phase != Phase.LOBBY) {
            return new Refusal(ErrorCode.WRONG_PHASE, "Teams cannot change once the game has started.");
        }
        Team team = teams.byId(teamId);
        if (team == null) {
            return new Refusal(ErrorCode.NO_SUCH_TEAM, "There is no such team.");
        }
        if (team != player.team && teams.isFull(team)) {
            return Teams.full(team);
        }
        return move(player, team, BY_PLAYER);
    }

    /** The host moves a player; the teacher may go past a cap. */
    Reply moveTeam(int playerId, int teamId) {
        if (teams == null) {
            return notATeamGame();
        }
        Player player = roster.byId(playerId);
        if (player == null) {
            return new Refusal(ErrorCode.NO_SUCH_PLAYER, "There is no player " + playerId + ".");
        }
        Team team = teams.byId(teamId);
        if (team == null) {
            return new Refusal(ErrorCode.NO_SUCH_TEAM, "There is no team " + teamId + ".");
        }
        return move(player, team, BY_HOST);
    }

    private Outbox move(Player player, Team team, String by) {
        teams.add(player, team);
        recorder.playerMoved(player.id, team.name);
        ServerMessage.TeamChanged changed = frames.teamChanged(player, by);
        return new Outbox().toHost(changed).toLink(player.link, changed);
    }

    /** Deals every player out again, evenly and at random (lobby only); the host gets a fresh lobby. */
    Reply rebalance(Phase phase, String ref) {
        if (teams == null) {
            return notATeamGame();
        }
        if (phase != Phase.LOBBY) {
            return Refusal.wrongPhase(ref, phase);
        }
        teams.rebalance(new ArrayList<>(roster.all()), random);
        Outbox out = new Outbox();
        for (Player p : roster.all()) {
            recorder.playerMoved(p.id, p.team.name);
            out.toLink(p.link, frames.teamChanged(p, BY_HOST));
        }
        return out.toHost(frames.lobby());
    }

    private static Refusal notATeamGame() {
        return new Refusal(ErrorCode.NOT_ALLOWED, "This is not a team game.");
    }
}
