package app.quizroom.server;

import app.quizroom.game.GameRecorder;

import java.util.List;

/**
 * A room's recorder that also notes whether a player ever took a seat, so that the sweeper can remove a room nobody
 * joined sooner than one that was played in. Every call is passed on unchanged.
 */
final class SeatWatch implements GameRecorder {

    private final GameRecorder recorder;
    /** Written on the room's loop, read by the sweeper from the same loop; volatile for anyone else. */
    private volatile boolean seated;

    SeatWatch(GameRecorder recorder) {
        this.recorder = recorder;
    }

    /** True once a player has joined the room. */
    boolean seated() {
        return seated;
    }

    @Override
    public void playerJoined(int playerId, String nickname, String team) {
        seated = true;
        recorder.playerJoined(playerId, nickname, team);
    }

    @Override
    public void playerKicked(int playerId) {
        recorder.playerKicked(playerId);
    }

    @Override
    public void gameStarted() {
        recorder.gameStarted();
    }

    @Override
    public void questionShown(PlayedQuestion question) {
        recorder.questionShown(question);
    }

    @Override
    public Saving answerAccepted(int questionIndex, int playerId, GivenAnswer answer, long responseMs, double credit) {
        return recorder.answerAccepted(questionIndex, playerId, answer, responseMs, credit);
    }

    @Override
    public void playerMoved(int playerId, String team) {
        recorder.playerMoved(playerId, team);
    }

    @Override
    public void questionScored(int questionIndex, List<Score> scores) {
        recorder.questionScored(questionIndex, scores);
    }

    @Override
    public void gameEnded(Ending ending, List<Score> finalStandings) {
        recorder.gameEnded(ending, finalStandings);
    }

    @Override
    public boolean healthy() {
        return recorder.healthy();
    }

    @Override
    public long gameId() {
        return recorder.gameId();
    }
}
