package app.quizroom.game;

import app.quizroom.protocol.ClientMessage;

import java.util.HashMap;
import java.util.Map;

/**
 * The answer desk of a node that serves some of a room's players for the node that runs the room (cluster mode,
 * docs/cluster.md §5): it checks each answer in the order and with the words the room's own desk uses, times it from
 * the moment this node opened the question, and hands it to the store, so that the phone is acknowledged here. The
 * room then scores the answers this node sends it exactly as its own. It follows the room's phases as the room
 * announces them ({@link #moved}); it holds no seat, name or score. Used on one thread at a time.
 */
public final class EdgeDesk {

    /** What became of an answer: taken, a resend of the one taken, or a {@link Refusal}. */
    public sealed interface Outcome permits Taken, Again, Refusal {
    }

    /** Taken: {@code responseMs} is its time as measured here; {@code saving} says when the phone may be told. */
    public record Taken(long responseMs, GameRecorder.Saving saving) implements Outcome {
    }

    /** A resend with the nonce of the answer taken: acknowledged again, nothing else. */
    public record Again(GameRecorder.Saving saving) implements Outcome {
    }

    private final RoomPlan plan;
    private final AnswerDesk desk;
    /** The players who answered here, by id; only their answers are kept. */
    private final Map<Integer, Player> players = new HashMap<>();
    private QuestionRun run;
    private Phase phase = Phase.LOBBY;
    private boolean paused;

    /** @param store where the answers taken here are written (the room's game in the shared database) */
    public EdgeDesk(RoomPlan plan, GameRecorder store, RoomMetrics metrics) {
        this.plan = plan;
        this.desk = new AnswerDesk(new Roster(RoomMetrics.NONE), store::answerAccepted, metrics);
    }

    /**
     * The room moved (see {@link Remotes#moved}), as this node learnt at {@code now}: an open question's deadline
     * here is {@code now + remainingMs}, and it opened one time limit before that, so that time spent on the way
     * from the room, or paused, counts against nobody.
     */
    public void moved(int question, Phase phase, boolean paused, long remainingMs, long now) {
        if (question < 0 || question >= plan.questions().size()) {
            run = null;
        } else if (run == null || run.index != question) {
            run = plan.run(question);
        }
        this.phase = phase;
        this.paused = paused;
        if (run != null && phase == Phase.ANSWERING) {
            run.deadline = now + remainingMs;
            run.openedAt = run.deadline - run.timeLimitMs;
        }
    }

    /** Checks and keeps the answer of player {@code playerId} that arrived here at {@code arrivedAt}. */
    public Outcome take(int playerId, ClientMessage.Answer answer, long arrivedAt) {
        Player player = players.computeIfAbsent(playerId, id -> new Player(id, "", "", "", id));
        AnswerDesk.Outcome outcome = desk.take(player, answer, arrivedAt, new Moment(phase, run, paused, 0));
        if (outcome instanceof AnswerDesk.Accepted accepted) {
            return new Taken(accepted.record().responseMs(), accepted.record().stored());
        }
        if (outcome instanceof AnswerDesk.Repeated repeated) {
            return new Again(repeated.record().stored());
        }
        return (Refusal) outcome;
    }

    /** Whether this player's answer to the open question was taken here. */
    public boolean answered(int playerId) {
        Player player = players.get(playerId);
        return run != null && player != null && player.answers.containsKey(run.index);
    }

    /** Answers to {@code question} are open (not paused). */
    public boolean answering(int question) {
        return phase == Phase.ANSWERING && !paused && run != null && run.index == question;
    }

    /** The current question's index, or -1 before the first. */
    public int question() {
        return run == null ? -1 : run.index;
    }

    /** When answers to the open question close here (this node's clock); meaningful while {@link #answering}. */
    public long deadline() {
        return run == null ? 0 : run.deadline;
    }

    /** How many answers to the current question were taken here. */
    public int answeredHere() {
        return run == null ? 0 : run.answered;
    }
}
