package app.quizroom.game;

import app.quizroom.protocol.ClientMessage;
import app.quizroom.protocol.ClientMessage.PlayerCommand;
import app.quizroom.protocol.ErrorCode;
import app.quizroom.protocol.Handlers;
import app.quizroom.protocol.ServerMessage;

/**
 * Carries out a seated player's commands (refused for anyone unseated): answers go to the answer desk, team switches
 * to the team desk. Each returns what to send, or a {@link Refusal}. Owned by the room.
 */
final class PlayerCommands {

    /** Who sent a command, and when it arrived by the server's clock. */
    record From(Player player, long arrivedAt) {
    }

    private final Roster roster;
    private final AnswerDesk answers;
    private final TeamDesk teamDesk;
    private final PhaseMachine phases;
    private final Audience audience;
    private final Handlers<PlayerCommand, From, Reply> handlers = new Handlers<PlayerCommand, From, Reply>(
            PlayerCommand.class).on(ClientMessage.Answer.class, this::answer)
            .on(ClientMessage.SwitchTeam.class, this::switchTeam).complete();

    PlayerCommands(Roster roster, AnswerDesk answers, TeamDesk teamDesk, PhaseMachine phases, Audience audience) {
        this.roster = roster;
        this.answers = answers;
        this.teamDesk = teamDesk;
        this.phases = phases;
        this.audience = audience;
    }

    /** A command from {@code link}, which must be a seated player's; {@code arrivedAt} by the server's clock. */
    Reply handle(Link link, PlayerCommand command, long arrivedAt) {
        Player player = roster.byLink(link);
        if (player != null) {
            return handlers.handle(command, new From(player, arrivedAt));
        }
        if (command instanceof ClientMessage.Answer && audience.isHost(link)) {
            return new Refusal(ErrorCode.NOT_ALLOWED, "The host does not answer questions.");
        }
        return new Refusal(ErrorCode.NOT_JOINED, "Join the game first.");
    }

    /** An accepted answer is acknowledged, and closes the question if it was the last one awaited. */
    private Reply answer(ClientMessage.Answer message, From from) {
        AnswerDesk.Outcome outcome = answers.take(from.player(), message, from.arrivedAt(), phases.now());
        if (outcome instanceof Refusal refusal) {
            return refusal;
        }
        Outbox out = new Outbox();
        if (outcome instanceof AnswerDesk.Repeated repeated) {
            acknowledge(from, message.question(), repeated.record(), out, null);
            return out;
        }
        AnswerRecord record = ((AnswerDesk.Accepted) outcome).record();
        boolean last = phases.allAnswered();
        if (last && !record.stored().isOnDisk()) {
            // The last answer awaited: the question closes once it is on disk, right after its acknowledgement,
            // so that everyone's acknowledgement (their answers committed in the same batch or before it) leaves
            // ahead of the results instead of queueing behind a result for every player on every socket.
            int question = message.question();
            acknowledge(from, question, record, out, () -> audience.deliverOnContext(() -> {
                Outbox closing = new Outbox();
                phases.closeIfAllAnswered(question, closing);
                return closing;
            }));
            return out; // no count: the reveal that follows carries it
        }
        acknowledge(from, message.question(), record, out, null);
        if (last) {
            phases.closeIfAllAnswered(out);
        } else {
            out.countChanged();
        }
        return out;
    }

    /**
     * The acknowledgement goes out once the store has the answer (or has said it cannot save it yet), so that
     * {@code saved: true} is a promise that the answer survives a crash; {@code then}, if any, runs right after
     * it is sent (on the store's thread, or here if the answer is on disk already), and also if it cannot be.
     */
    private void acknowledge(From from, int question, AnswerRecord record, Outbox out, Runnable then) {
        if (record.stored().isOnDisk()) {
            // Also when it reached the disk after the caller looked: then must run either way.
            out.toLink(from.player().link, new ServerMessage.AnswerAck(question, record.nonce(), true));
            audience.acknowledged(from.arrivedAt());
            if (then != null) {
                then.run();
            }
            return;
        }
        record.stored().acknowledged().whenComplete((saved, failed) -> {
            try {
                if (failed == null) {
                    audience.acknowledge(from.player(), new ServerMessage.AnswerAck(question, record.nonce(), saved),
                            from.arrivedAt());
                }
            } finally {
                if (then != null) {
                    then.run(); // whatever became of the acknowledgement, the question must close
                }
            }
        });
    }

    private Reply switchTeam(ClientMessage.SwitchTeam switchTeam, From from) {
        return teamDesk.switchTeam(from.player(), switchTeam.team(), phases.phase());
    }
}
