package app.quizroom.support;

import app.quizroom.game.GameOptions;
import app.quizroom.game.TeamOptions;
import app.quizroom.scoring.ScoringMode;

/**
 * {@link GameOptions} for tests, named option by option instead of five booleans in a row:
 * {@code GameOptionsBuilder.defaults().shuffleOptions(false).readingSeconds(4).build()}. It starts from what a
 * teacher gets by default ({@link GameOptions#defaults()}) and builds through the record's public constructor.
 */
public final class GameOptionsBuilder {

    private ScoringMode scoring;
    private boolean streakBonus;
    private boolean shuffleQuestions;
    private boolean shuffleOptions;
    private boolean showTextOnPhones;
    private Integer timeLimitSeconds;
    private int readingSeconds;
    private boolean generatedNames;
    private TeamOptions teams;
    private boolean twoStepJoin;
    private boolean imagesOnPhones;
    private Integer classSize;

    private GameOptionsBuilder(GameOptions start) {
        scoring = start.scoring();
        streakBonus = start.streakBonus();
        shuffleQuestions = start.shuffleQuestions();
        shuffleOptions = start.shuffleOptions();
        showTextOnPhones = start.showTextOnPhones();
        timeLimitSeconds = start.timeLimitSeconds();
        readingSeconds = start.readingSeconds();
        generatedNames = start.generatedNames();
        teams = start.teams();
        twoStepJoin = start.twoStepJoin();
        imagesOnPhones = start.imagesOnPhones();
        classSize = start.classSize();
    }

    /** The options a new game gets when the teacher changes nothing. */
    public static GameOptionsBuilder defaults() {
        return new GameOptionsBuilder(GameOptions.defaults());
    }

    /** These options, to change some of them. */
    public static GameOptionsBuilder from(GameOptions options) {
        return new GameOptionsBuilder(options);
    }

    public GameOptionsBuilder scoring(ScoringMode scoring) {
        this.scoring = scoring;
        return this;
    }

    public GameOptionsBuilder streakBonus(boolean streakBonus) {
        this.streakBonus = streakBonus;
        return this;
    }

    public GameOptionsBuilder shuffleQuestions(boolean shuffleQuestions) {
        this.shuffleQuestions = shuffleQuestions;
        return this;
    }

    public GameOptionsBuilder shuffleOptions(boolean shuffleOptions) {
        this.shuffleOptions = shuffleOptions;
        return this;
    }

    public GameOptionsBuilder showTextOnPhones(boolean showTextOnPhones) {
        this.showTextOnPhones = showTextOnPhones;
        return this;
    }

    /** One time limit for every question, overriding each question's own; null keeps the bank's. */
    public GameOptionsBuilder timeLimitSeconds(Integer timeLimitSeconds) {
        this.timeLimitSeconds = timeLimitSeconds;
        return this;
    }

    public GameOptionsBuilder readingSeconds(int readingSeconds) {
        this.readingSeconds = readingSeconds;
        return this;
    }

    public GameOptionsBuilder generatedNames(boolean generatedNames) {
        this.generatedNames = generatedNames;
        return this;
    }

    /** Team play with these teams; null for an individual game. */
    public GameOptionsBuilder teams(TeamOptions teams) {
        this.teams = teams;
        return this;
    }

    /** Two-step join: joins must carry the pattern of shapes the host is shown. */
    public GameOptionsBuilder twoStepJoin(boolean twoStepJoin) {
        this.twoStepJoin = twoStepJoin;
        return this;
    }

    /** Phones show a question's picture too. */
    public GameOptionsBuilder imagesOnPhones(boolean imagesOnPhones) {
        this.imagesOnPhones = imagesOnPhones;
        return this;
    }

    /** The most players the room seats; null for the default (100, or the server's maximum if lower). */
    public GameOptionsBuilder classSize(Integer classSize) {
        this.classSize = classSize;
        return this;
    }

    public GameOptions build() {
        return new GameOptions(scoring, streakBonus, shuffleQuestions, shuffleOptions, showTextOnPhones,
                timeLimitSeconds, readingSeconds, generatedNames, teams, twoStepJoin, imagesOnPhones, classSize);
    }
}
