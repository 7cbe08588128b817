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
import app.quizroom.protocol.ErrorCode;
import app.quizroom.protocol.Handlers;
import app.quizroom.protocol.ServerMessage;

/**
 * The host's commands (refused for anyone else, and once the game is over), each given the command's wire name for
 * its refusals: the phase machine moves the game, the team desk the teams, the kick desk who stays; the lock is
 * handled here. Each returns what to send, or a {@link Refusal}. Owned by the room.
 */
final class HostCommands {

    private final Handlers<HostCommand, String, Reply> handlers;
    private final PhaseMachine phases;
    private final Audience audience;

    HostCommands(PhaseMachine phases, TeamDesk teamDesk, Gate gate, KickDesk kickDesk, Audience audience) {
        this.phases = phases;
        this.audience = audience;
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

    /** A command from {@code link}, which must be the host's, while the game is not over. */
    Reply handle(Link link, HostCommand command, String ref) {
        if (!audience.isHost(link)) {
            return new Refusal(ErrorCode.NOT_ALLOWED, "Only the host can do that.");
        }
        if (phases.phase() == Phase.FINISHED) {
            return new Refusal(ErrorCode.WRONG_PHASE, "The game is over.");
        }
        return handlers.handle(command, ref);
    }

    private static Reply locked(Gate gate, boolean value) {
        gate.lock(value);
        return new Outbox().toHost(new ServerMessage.Locked(value));
    }
}
