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
 * @param classSize         the most players the teacher expects (1 to QUIZROOM_MAX_PLAYERS); null takes
 *                          {@link Limits#DEFAULT_CLASS_SIZE}, or the server's maximum if that is lower
 */
public record GameOptions(ScoringMode scoring, boolean streakBonus, boolean shuffleQuestions, boolean shuffleOptions,
                          boolean showTextOnPhones, Integer timeLimitSeconds, int readingSeconds,
                          boolean generatedNames, TeamOptions teams, boolean twoStepJoin, boolean imagesOnPhones,
                          Integer classSize) {

    public GameOptions(ScoringMode scoring, boolean streakBonus, boolean shuffleQuestions, boolean shuffleOptions,
                       boolean showTextOnPhones, Integer timeLimitSeconds, int readingSeconds, boolean generatedNames,
                       TeamOptions teams) {
        this(scoring, streakBonus, shuffleQuestions, shuffleOptions, showTextOnPhones, timeLimitSeconds,
                readingSeconds, generatedNames, teams, false, false, null);
    }

    public GameOptions(ScoringMode scoring, boolean streakBonus, boolean shuffleQuestions, boolean shuffleOptions,
                       boolean showTextOnPhones, Integer timeLimitSeconds, int readingSeconds, boolean generatedNames) {
        this(scoring, streakBonus, shuffleQuestions, shuffleOptions, showTextOnPhones, timeLimitSeconds,
                readingSeconds, generatedNames, null, false, false, null);
    }

    public static final int DEFAULT_READING_SECONDS = Limits.DEFAULT_READING_SECONDS;
    public static final int MAX_READING_SECONDS = Limits.MAX_READING_SECONDS;

    public static GameOptions defaults() {
        // Options are shuffled unless the teacher turns it off: a fixed position of the right answer is a pattern
        // students find within two questions.
        return new GameOptions(ScoringMode.CLASSIC, true, false, true, true, null, DEFAULT_READING_SECONDS, false);
    }

    /** These options with this class size. */
    public GameOptions withClassSize(int players) {
        return new GameOptions(scoring, streakBonus, shuffleQuestions, shuffleOptions, showTextOnPhones,
                timeLimitSeconds, readingSeconds, generatedNames, teams, twoStepJoin, imagesOnPhones, players);
    }

    /** These options with the class size settled on a server that seats at most {@code maxPlayers} a room. */
    public GameOptions withClassSizeWithin(int maxPlayers) {
        return withClassSize(Math.min(classSize == null ? Limits.DEFAULT_CLASS_SIZE : classSize, maxPlayers));
    }
}
