package app.quizroom.game;

import app.quizroom.protocol.ClientMessage;
import app.quizroom.protocol.ClientMessage.HostCommand;
import app.quizroom.protocol.ServerMessage;

/**
 * Carries out the host's commands, each given the command's wire name for its refusals: the phase machine moves
 * the game, the team desk the teams, the kick desk who stays; the lock is handled here. Each returns what to
 * send, or a {@link Refusal}. Owned by the room.
 */
final class HostCommands implements HostCommand.Visitor<Reply, String> {

    private final PhaseMachine phases;
    private final TeamDesk teamDesk;
    private final Gate gate;
    private final KickDesk kickDesk;

    HostCommands(PhaseMachine phases, TeamDesk teamDesk, Gate gate, KickDesk kickDesk) {
        this.phases = phases;
        this.teamDesk = teamDesk;
        this.gate = gate;
        this.kickDesk = kickDesk;
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

    @Override
    public Reply kick(ClientMessage.Kick kick, String ref) {
        return kickDesk.kick(kick.playerId());
    }

    @Override
    public Reply kickRecent(ClientMessage.KickRecent kickRecent, String ref) {
        return kickDesk.kickRecent(kickRecent.seconds());
    }

    @Override
    public Reply unban(ClientMessage.Unban unban, String ref) {
        return kickDesk.unban(unban.playerId());
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
