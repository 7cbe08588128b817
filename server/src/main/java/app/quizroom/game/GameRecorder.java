package app.quizroom.game;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Where a room writes down what happens, for the report after class and for surviving a crash. Every call
 * returns at once; the writes happen elsewhere, in order. Implemented over SQLite by the server; {@link #NONE}
 * in unit tests.
 */
public interface GameRecorder {

    /** One player's outcome of one question, written when the question closes. */
    record Score(int playerId, int points, int bonus, int total, int rank) {
    }

    /** A question as it was played: texts and solution in the displayed order. */
    record PlayedQuestion(int index, String questionId, String type, String prompt, List<String> options,
                          String solutionJson, int points, long timeLimitMs, String explanation,
                          List<String> optionExplanations) {
    }

    void playerJoined(int playerId, String nickname, String team);

    void playerKicked(int playerId);

    void gameStarted();

    void questionShown(PlayedQuestion question);

    /**
     * An accepted answer. The stage completes with {@code true} once the answer is durably stored, or with
     * {@code false} if storage is failing (the write then waits in the retry queue, and the player's
     * acknowledgement says it is not saved yet).
     */
    CompletionStage<Boolean> answerAccepted(int questionIndex, int playerId, String answerJson, long responseMs,
                                            double credit);

    void questionScored(int questionIndex, List<Score> scores);

    /** The game reached its podium ({@code finished} true) or was cut short by a shutdown. */
    void gameEnded(boolean finished, List<Score> finalStandings);

    /** False while writes are failing and waiting to be retried. */
    boolean healthy();

    /** The game's id in the results store (its report), or 0 when nothing is stored. */
    default long gameId() {
        return 0;
    }

    GameRecorder NONE = new GameRecorder() {
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
        public CompletionStage<Boolean> answerAccepted(int questionIndex, int playerId, String answerJson,
                                                       long responseMs, double credit) {
            return CompletableFuture.completedFuture(true);
        }

        @Override
        public void questionScored(int questionIndex, List<Score> scores) {
        }

        @Override
        public void gameEnded(boolean finished, List<Score> finalStandings) {
        }

        @Override
        public boolean healthy() {
            return true;
        }
    };
}
