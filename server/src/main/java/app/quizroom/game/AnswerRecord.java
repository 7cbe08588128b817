package app.quizroom.game;

import app.quizroom.scoring.AnswerValue;


/**
 * One accepted answer.
 *
 * @param displayed  the answer as the player sent it (displayed indices), for the statistics
 * @param value      the answer in bank terms
 * @param responseMs server-measured time from the opening of answers to the arrival of the answer
 * @param credit     0–1, how right it is
 * @param stored     how its saving goes (see {@link GameRecorder.Saving})
 * @param points     points awarded (set at the reveal, streak bonus included)
 */
record AnswerRecord(Object displayed, AnswerValue value, long responseMs, double credit, String nonce,
                    GameRecorder.Saving stored, int points, int bonus) {

    AnswerRecord scored(int points, int bonus) {
        return new AnswerRecord(displayed, value, responseMs, credit, nonce, stored, points, bonus);
    }
}
