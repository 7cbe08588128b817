package app.quizroom.game;

import app.quizroom.protocol.ClientMessage.End;
import app.quizroom.protocol.ClientMessage.HostCommand;
import app.quizroom.protocol.ClientMessage.Kick;
import app.quizroom.protocol.ClientMessage.KickRecent;
import app.quizroom.protocol.ClientMessage.Lock;
import app.quizroom.protocol.ClientMessage.MoveTeam;
import app.quizroom.protocol.ClientMessage.Next;
import app.quizroom.protocol.ClientMessage.Pause;
import app.quizroom.protocol.ClientMessage.Rebalance;
import app.quizroom.protocol.ClientMessage.Resume;
import app.quizroom.protocol.ClientMessage.Skip;
import app.quizroom.protocol.ClientMessage.Start;
import app.quizroom.protocol.ClientMessage.Unban;
import app.quizroom.protocol.ClientMessage.Unlock;
import app.quizroom.protocol.Handlers;
import app.quizroom.protocol.ServerMessage;

/**
 * The host's commands, each given the command's wire name for its refusals: the phase machine moves the game, the
 * team desk the teams, the kick desk who stays; the lock is handled here. Each returns what to send, or a
 * {@link Refusal}. Owned by the room.
 */
final class HostCommands {

    private final Handlers<HostCommand, String, Reply> handlers;

    HostCommands(PhaseMachine phases, TeamDesk teamDesk, Gate gate, KickDesk kickDesk) {
        handlers = new Handlers<HostCommand, String, Reply>(HostCommand.class)
                .on(Start.class, (start, ref) -> phases.start(ref))
                .on(Next.class, (next, ref) -> phases.next(ref))
                .on(Skip.class, (skip, ref) -> phases.skip(ref))
                .on(Pause.class, (pause, ref) -> phases.pause(ref))
                .on(Resume.class, (resume, ref) -> phases.resume())
                .on(End.class, (end, ref) -> phases.end())
                .on(Lock.class, (lock, ref) -> locked(gate, true))
                .on(Unlock.class, (unlock, ref) -> locked(gate, false))
                .on(Kick.class, (kick, ref) -> kickDesk.kick(kick.playerId()))
                .on(KickRecent.class, (kick, ref) -> kickDesk.kickRecent(kick.seconds()))
                .on(Unban.class, (unban, ref) -> kickDesk.unban(unban.playerId()))
                .on(MoveTeam.class, (move, ref) -> teamDesk.moveTeam(move.playerId(), move.team()))
                .on(Rebalance.class, (rebalance, ref) -> teamDesk.rebalance(phases.phase(), ref))
                .complete();
    }

    Reply handle(HostCommand command, String ref) {
        return handlers.handle(command, ref);
    }

    private static Reply locked(Gate gate, boolean value) {
        gate.lock(value);
        return new Outbox().toHost(new ServerMessage.Locked(value));
    }
}
