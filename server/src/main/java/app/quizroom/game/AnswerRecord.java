package app.quizroom.game;

import app.quizroom.scoring.AnswerValue;

/**
 * One accepted answer. Its points are not here: the scoreboard keeps them on the player when the question closes.
 *
 * @param value      the answer in bank terms
 * @param responseMs server-measured time from the opening of answers to the arrival of the answer
 * @param credit     0–1, how right it is
 * @param nonce      the client's nonce, if it sent one, so that a resend is acknowledged again
 * @param stored     how its saving goes (see {@link GameRecorder.Saving})
 */
record AnswerRecord(AnswerValue value, long responseMs, double credit, String nonce, GameRecorder.Saving stored) {
}
