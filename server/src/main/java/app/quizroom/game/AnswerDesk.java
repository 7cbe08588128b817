package app.quizroom.game;

import app.quizroom.bank.Question;
import app.quizroom.protocol.ClientMessage;
import app.quizroom.protocol.ErrorCode;
import app.quizroom.scoring.AnswerValue;
import app.quizroom.scoring.Scoring;


/**
 * The answer desk: takes a player's answer or says why not (one answer per player and question, only to the
 * current question, only while answers are open and before the deadline, in the question's shape), keeps the
 * accepted ones and counts them. It hands each accepted answer to the store, reports what it took and refused to
 * the metrics, and sends nothing. The only writer of the players' answers and of the question's answer count.
 * Owned by the room.
 */
final class AnswerDesk {

    /** Where accepted answers are saved: the game's {@link GameRecorder#answerAccepted}. */
    @FunctionalInterface
    interface Store {
        GameRecorder.Saving answerAccepted(int questionIndex, int playerId, GameRecorder.GivenAnswer answer,
                                           long responseMs,
                                           double credit);
    }

    /** What became of an answer: accepted, a resend of the accepted one, or a {@link Refusal}. */
    sealed interface Outcome permits Accepted, Repeated, Refusal {
    }

    record Accepted(AnswerRecord record) implements Outcome {
    }

    /** A resend with the accepted answer's nonce: it is acknowledged again and changes nothing. */
    record Repeated(AnswerRecord record) implements Outcome {
    }

    private final Roster roster;
    private final Store store;
    private final RoomMetrics metrics;

    AnswerDesk(Roster roster, Store store, RoomMetrics metrics) {
        this.roster = roster;
        this.store = store;
        this.metrics = metrics;
    }

    /** Checks, in the order docs/protocol.md gives, an answer that arrived at {@code arrivedAt}; keeps it if good. */
    Outcome take(Player player, ClientMessage.Answer message, long arrivedAt, Moment at) {
        long started = System.nanoTime();
        Outcome outcome = check(player, message, arrivedAt, at);
        if (outcome instanceof Refusal refusal) {
            metrics.answerRefused(refusal.code().wire());
        } else if (outcome instanceof Accepted) {
            metrics.answerAccepted(System.nanoTime() - started);
        }
        return outcome;
    }

    private Outcome check(Player player, ClientMessage.Answer message, long arrivedAt, Moment at) {
        QuestionRun run = at.run();
        int asked = message.question();
        AnswerRecord previous = run == null ? null : player.answers.get(asked);
        if (previous != null) {
            boolean resend = message.nonce() != null && message.nonce().equals(previous.nonce());
            return resend ? new Repeated(previous)
                    : new Refusal(ErrorCode.ALREADY_ANSWERED, "You have already answered this question.");
        }
        if (run == null) {
            return new Refusal(ErrorCode.TOO_EARLY, "The game has not started yet.");
        }
        if (asked != run.index) {
            return new Refusal(ErrorCode.WRONG_QUESTION, "That question is not the current one.");
        }
        if (at.phase() == Phase.INTRO || at.phase() == Phase.TALK) {
            return new Refusal(ErrorCode.TOO_EARLY, at.phase() == Phase.TALK ? "Answers open after the team talk."
                    : "Answers open after the reading time.");
        }
        if (at.paused()) {
            return new Refusal(ErrorCode.PAUSED, "The game is paused.");
        }
        if (at.phase() != Phase.ANSWERING || arrivedAt > run.deadline) {
            return new Refusal(ErrorCode.LATE, "Time is up for this question.");
        }
        QuestionRun.Translation translation = run.toBank(message);
        if (translation instanceof Refusal refusal) {
            return refusal;
        }
        return keep(player, run, message, ((QuestionRun.Translated) translation).value(),
                Math.max(0, arrivedAt - run.openedAt), store);
    }

    /**
     * Takes an answer another node has already checked, timed and stored (cluster mode): its player's
     * {@code responseMs} as that node measured it (from the moment it opened the question to the answer's arrival
     * there). It is scored exactly as one taken here; it is refused only if it cannot be scored: the question has
     * closed or moved on, or the player already has an answer to it.
     */
    Outcome takeRemote(Player player, ClientMessage.Answer message, long responseMs, Moment at) {
        QuestionRun run = at.run();
        if (run == null || message.question() != run.index || at.phase() != Phase.ANSWERING) {
            return new Refusal(ErrorCode.LATE, "Time is up for this question.");
        }
        if (player.answers.containsKey(run.index)) {
            return new Refusal(ErrorCode.ALREADY_ANSWERED, "You have already answered this question.");
        }
        QuestionRun.Translation translation = run.toBank(message);
        if (translation instanceof Refusal refusal) {
            return refusal;
        }
        long clamped = Math.max(0, Math.min(responseMs, run.timeLimitMs));
        return keep(player, run, message, ((QuestionRun.Translated) translation).value(), clamped,
                (question, playerId, answer, ms, credit) -> GameRecorder.Saving.done());
    }

    private Outcome keep(Player player, QuestionRun run, ClientMessage.Answer message, AnswerValue value,
                         long responseMs, Store into) {
        double credit = Scoring.credit(run.question, value);
        GameRecorder.Saving stored = into.answerAccepted(run.index, player.id, given(run.question, message),
                responseMs, credit);
        AnswerRecord record = new AnswerRecord(value, responseMs, credit, message.nonce(), stored);
        player.answers.put(run.index, record);
        run.answered++;
        return new Accepted(record);
    }

    /** The answer as stored: only the field that was scored for this type of question. */
    private static GameRecorder.GivenAnswer given(Question q, ClientMessage.Answer a) {
        return switch (q.type()) {
            case SINGLE, TRUEFALSE, POLL -> new GameRecorder.GivenAnswer(a.option(), null, null, null);
            case MULTI -> new GameRecorder.GivenAnswer(null, a.options(), null, null);
            case ORDER -> new GameRecorder.GivenAnswer(null, null, a.order(), null);
            case NUMERIC -> new GameRecorder.GivenAnswer(null, null, null, a.value());
        };
    }

    /** A kicked player's answer to the open question leaves the count, which is of players still in the game. */
    void forget(Player kicked, Moment at) {
        if (at.phase() == Phase.ANSWERING && kicked.answers.containsKey(at.run().index)) {
            at.run().answered--;
        }
    }

    /** Whether every player connected now has answered the question. */
    boolean allAnswered(QuestionRun run) {
        if (run.answered < roster.connected()) {
            return false; // cheap check first: too few answers for everyone connected to have answered
        }
        for (Player p : roster.all()) {
            if (p.link != null && !p.answers.containsKey(run.index)) {
                return false;
            }
        }
        return true;
    }
}
