package app.quizroom.game;

/**
 * Where a game is at one instant, as the phase machine sees it: what desks check requests against and frames
 * describe.
 *
 * @param run         the current question, or null before the first
 * @param remainingMs time left on the countdown of an open question (frozen while paused); 0 otherwise
 * @param finalsOut   in the podium: the reveal is over and each player's final frame has gone out
 */
record Moment(Phase phase, QuestionRun run, boolean paused, long remainingMs, boolean finalsOut) {

    /** Any moment before the podium. */
    Moment(Phase phase, QuestionRun run, boolean paused, long remainingMs) {
        this(phase, run, paused, remainingMs, false);
    }
}
