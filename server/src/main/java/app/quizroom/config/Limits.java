package app.quizroom.config;

/**
 * The fixed limits of the contract, in one place: the bank parser, the HTTP API, the game and the docs all read
 * these. Limits a deployment may change are in {@link Config}.
 */
public final class Limits {

    /** A question's time limit, in seconds (bank files and the game option alike). */
    public static final int MIN_TIME_SECONDS = 5;
    public static final int MAX_TIME_SECONDS = 240;
    public static final int DEFAULT_TIME_SECONDS = 20;
    /** Reading time before answers open. */
    public static final int DEFAULT_READING_SECONDS = 4;
    public static final int MAX_READING_SECONDS = 20;
    public static final int STANDARD_POINTS = 1000;
    public static final int MAX_POINTS = 10_000;
    public static final int MAX_PROMPT_CHARS = 500;
    public static final int MAX_OPTION_CHARS = 120;
    public static final int MAX_EXPLANATION_CHARS = 1000;
    public static final int MIN_OPTIONS = 2;
    public static final int MAX_OPTIONS = 6;
    /** A picture beside a bank (PNG, JPEG, WebP or SVG), and its text for screen readers. */
    public static final int MAX_IMAGE_BYTES = 2 * 1024 * 1024;
    public static final int MAX_IMAGE_ALT_CHARS = 300;
    /** A bank file, read before parsing. */
    public static final int MAX_BANK_FILE_BYTES = 1024 * 1024;
    /** A nickname, in characters as the user sees them. */
    public static final int MAX_NAME_CHARS = 20;
    public static final int MIN_TEAMS = 2;
    public static final int MAX_TEAMS = 10;
    public static final int MAX_TALK_SECONDS = 120;
    /** The most players a team may be capped at. */
    public static final int MAX_TEAM_CAP = 10_000;
    /** The players a game expects unless the teacher sets another class size (QUIZROOM_MAX_PLAYERS caps it). */
    public static final int DEFAULT_CLASS_SIZE = 100;
    /** The longest look-back of the host's "remove everyone who joined in the last N seconds". */
    public static final int MAX_KICK_RECENT_SECONDS = 3600;
    /** A phone's device token (kept in its browser, sent in {@code join}). */
    public static final int MAX_DEVICE_CHARS = 64;
    /** Default join limits of a room (Config may raise them). */
    public static final int DEFAULT_JOINS_PER_SECOND = 50;
    public static final int DEFAULT_JOIN_BURST = 150;

    private Limits() {
    }
}
