package app.quizroom.game;

import app.quizroom.bank.QuestionType;
import app.quizroom.bank.Skill;
import app.quizroom.protocol.ServerMessage;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Where a room writes down what happens, for the report after class and for surviving a crash. Every call
 * returns at once; the writes happen elsewhere, in order. The game hands over typed values; how they are encoded
 * is the store's business. Implemented over SQLite by the server; {@link #NONE} in unit tests.
 */
public interface GameRecorder {

    /** One player's outcome of one question, written when the question closes. */
    record Score(int playerId, int points, int bonus, int total, int rank) {
    }

    /** A question as it was played: texts and solution in the displayed order; {@code skill} may be null. */
    record PlayedQuestion(int index, String questionId, QuestionType type, String prompt, List<String> options,
                          ServerMessage.Solution solution, int points, long timeLimitMs, String explanation,
                          List<String> optionExplanations, Skill skill) {
    }

    /**
     * An accepted answer as stored: in displayed indices, only the field its question type scores (the others
     * null), so the report reads it as the phone showed it.
     */
    record GivenAnswer(Integer option, List<Integer> options, List<Integer> order, Double value) {
    }

    void playerJoined(int playerId, String nickname, String team);

    void playerKicked(int playerId);

    void gameStarted();

    void questionShown(PlayedQuestion question);

    /**
     * The saving of one answer. {@code acknowledged} completes when the phone may be told: with {@code true} once
     * the answer is on disk, or with {@code false} at once if storage is failing (the write then waits in the
     * retry queue). {@code onDisk} completes whenever the answer does reach the disk, even after a failure.
     */
    record Saving(CompletionStage<Boolean> acknowledged, CompletionStage<Void> onDisk) {

        public static Saving done() {
            return new Saving(CompletableFuture.completedFuture(true), CompletableFuture.completedFuture(null));
        }

        public boolean isOnDisk() {
            return onDisk.toCompletableFuture().isDone() && !onDisk.toCompletableFuture().isCompletedExceptionally();
        }
    }

    /** An accepted answer, to be stored; see {@link Saving}. */
    Saving answerAccepted(int questionIndex, int playerId, GivenAnswer answer, long responseMs, double credit);

    /** The host moved a player to another team. */
    default void playerMoved(int playerId, String team) {
    }

    void questionScored(int questionIndex, List<Score> scores);

    /** How a game ended, as its report tells it. */
    enum Ending {
        /** Every question was played to its reveal, or the game never left the lobby. */
        FINISHED,
        /** The host ended the game before its last question closed. */
        ENDED_EARLY,
        /** A shutdown or the idle sweep closed the game before its podium. */
        INTERRUPTED
    }

    /** The game reached its podium (or its end from the lobby), or was cut short by a shutdown or the sweep. */
    void gameEnded(Ending ending, List<Score> finalStandings);

    /** False while writes are failing and waiting to be retried. */
    boolean healthy();

    /** The game's id in the results store (its report), or 0 when nothing is stored. */
    default long gameId() {
        return 0;
    }

    /** Records nothing. */
    GameRecorder NONE = new Nothing();

    /**
     * Writes nothing down: every answer counts as saved at once and writing always works. Tests' recorders extend it
     * and keep only what they look at.
     */
    class Nothing implements GameRecorder {
        @Override
        public void playerJoined(int playerId, String nickname, String team) {
        }

        @Override
        public void playerKicked(int playerId) {
        }

        @Override
        public void gameStarted() {
        }

        @Override
        public void questionShown(PlayedQuestion question) {
        }

        @Override
        public Saving answerAccepted(int questionIndex, int playerId, GivenAnswer answer, long responseMs,
                                     double credit) {
            return Saving.done();
        }

        @Override
        public void questionScored(int questionIndex, List<Score> scores) {
        }

        @Override
        public void gameEnded(Ending ending, List<Score> finalStandings) {
        }

        @Override
        public boolean healthy() {
            return true;
        }
    }
}
