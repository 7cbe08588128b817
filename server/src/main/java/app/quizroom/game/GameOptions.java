package app.quizroom.game;

import app.quizroom.config.Limits;
import app.quizroom.scoring.ScoringMode;

/**
 * What the teacher chose when creating the game.
 *
 * @param timeLimitSeconds  if not null, overrides every question's own time limit (5–240)
 * @param readingSeconds    how long the prompt shows alone before answers open (0–20)
 * @param showTextOnPhones  false: phones show only shapes and letters; the text is on the projector
 * @param generatedNames    true: the server gives every player a friendly two-word name instead of their own
 * @param teams             team play, or null for an individual game
 * @param twoStepJoin       true: a join must also carry the pattern of shapes the projector shows, which changes
 *                          every 30 s, so that knowing the PIN is not enough to get in
 * @param imagesOnPhones    true: phones show a question's picture too (the projector always does)
 */
public record GameOptions(ScoringMode scoring, boolean streakBonus, boolean shuffleQuestions, boolean shuffleOptions,
                          boolean showTextOnPhones, Integer timeLimitSeconds, int readingSeconds,
                          boolean generatedNames, TeamOptions teams, boolean twoStepJoin, boolean imagesOnPhones) {

    public GameOptions(ScoringMode scoring, boolean streakBonus, boolean shuffleQuestions, boolean shuffleOptions,
                       boolean showTextOnPhones, Integer timeLimitSeconds, int readingSeconds, boolean generatedNames,
                       TeamOptions teams) {
        this(scoring, streakBonus, shuffleQuestions, shuffleOptions, showTextOnPhones, timeLimitSeconds,
                readingSeconds, generatedNames, teams, false, false);
    }

    public GameOptions(ScoringMode scoring, boolean streakBonus, boolean shuffleQuestions, boolean shuffleOptions,
                       boolean showTextOnPhones, Integer timeLimitSeconds, int readingSeconds, boolean generatedNames) {
        this(scoring, streakBonus, shuffleQuestions, shuffleOptions, showTextOnPhones, timeLimitSeconds,
                readingSeconds, generatedNames, null, false, false);
    }

    public static final int DEFAULT_READING_SECONDS = Limits.DEFAULT_READING_SECONDS;
    public static final int MAX_READING_SECONDS = Limits.MAX_READING_SECONDS;

    public static GameOptions defaults() {
        // Options are shuffled unless the teacher turns it off: a fixed position of the right answer is a pattern
        // students find within two questions.
        return new GameOptions(ScoringMode.CLASSIC, true, false, true, true, null, DEFAULT_READING_SECONDS, false);
    }
}
