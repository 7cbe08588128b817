package app.quizroom.game;

/**
 * Where a game is at one instant, as the phase machine sees it: what desks check requests against and frames
 * describe.
 *
 * @param run         the current question, or null before the first
 * @param remainingMs time left on the countdown of an open question (frozen while paused); 0 otherwise
 */
record Moment(Phase phase, QuestionRun run, boolean paused, long remainingMs) {
}
