package app.quizroom.game;

import app.quizroom.protocol.ClientMessage;
import app.quizroom.protocol.ClientMessage.HostCommand;
import app.quizroom.protocol.CloseCode;
import app.quizroom.protocol.ErrorCode;
import app.quizroom.protocol.ServerMessage;

/**
 * Carries out the host's commands, each given the command's wire name for its refusals: the phase machine moves
 * the game, the team desk the teams, and the room's membership (lock, kick) is handled here. Each returns what to
 * send, or a {@link Refusal}. Owned by the room.
 */
final class HostCommands implements HostCommand.Visitor<Reply, String> {

    private final PhaseMachine phases;
    private final TeamDesk teamDesk;
    private final Gate gate;
    private final Roster roster;
    /** Null in an individual game. */
    private final Teams teams;
    private final AnswerDesk answers;
    private final Scoreboard board;
    private final GameRecorder recorder;

    HostCommands(PhaseMachine phases, TeamDesk teamDesk, Gate gate, Roster roster, Teams teams, AnswerDesk answers,
                 Scoreboard board, GameRecorder recorder) {
        this.phases = phases;
        this.teamDesk = teamDesk;
        this.gate = gate;
        this.roster = roster;
        this.teams = teams;
        this.answers = answers;
        this.board = board;
        this.recorder = recorder;
    }

    @Override
    public Reply start(ClientMessage.Start start, String ref) {
        return phases.start(ref);
    }

    @Override
    public Reply next(ClientMessage.Next next, String ref) {
        return phases.next(ref);
    }

    @Override
    public Reply skip(ClientMessage.Skip skip, String ref) {
        return phases.skip(ref);
    }

    @Override
    public Reply pause(ClientMessage.Pause pause, String ref) {
        return phases.pause(ref);
    }

    @Override
    public Reply resume(ClientMessage.Resume resume, String ref) {
        return phases.resume();
    }

    @Override
    public Reply end(ClientMessage.End end, String ref) {
        return phases.end();
    }

    @Override
    public Reply lock(ClientMessage.Lock lock, String ref) {
        return locked(true);
    }

    @Override
    public Reply unlock(ClientMessage.Unlock unlock, String ref) {
        return locked(false);
    }

    private Reply locked(boolean value) {
        gate.lock(value);
        return new Outbox().toHost(new ServerMessage.Locked(value));
    }

    /**
     * Removes a seat for good: the player leaves their team (their past points stay in its averages), their answer
     * leaves the count, their connection is closed, and the open question closes if they were the last to answer.
     */
    @Override
    public Reply kick(ClientMessage.Kick kick, String ref) {
        int playerId = kick.playerId();
        Player player = roster.remove(playerId);
        if (player == null) {
            return new Refusal(ErrorCode.NO_SUCH_PLAYER, "There is no player " + playerId + ".");
        }
        if (teams != null) {
            teams.remove(player);
        }
        recorder.playerKicked(playerId);
        answers.forget(player, phases.now());
        Outbox out = new Outbox();
        if (player.link != null) {
            Link link = roster.unbind(player);
            out.toLink(link, new ServerMessage.Kicked()).close(link, CloseCode.KICKED, "removed by the host");
        }
        if (board.ranked()) {
            board.rank(roster.all());
        }
        out.toHost(new ServerMessage.PlayerLeft(playerId, "kicked", roster.size()));
        phases.closeIfAllAnswered(out);
        return out;
    }

    @Override
    public Reply moveTeam(ClientMessage.MoveTeam move, String ref) {
        return teamDesk.moveTeam(move.playerId(), move.team());
    }

    @Override
    public Reply rebalance(ClientMessage.Rebalance rebalance, String ref) {
        return teamDesk.rebalance(phases.phase(), ref);
    }
}
