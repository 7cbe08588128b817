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
    /**
     * How long the projector's podium takes to reveal third, second, then first place: each player's {@code final}
     * frame goes out this long after the podium, so that no phone tells its rank before the screen has.
     */
    public static final long PODIUM_REVEAL_MS = 6_000;
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
    /**
     * Joins one connection may have refused for what they carry (name, team, join pattern; a team choice offered
     * counts too) before it is closed: a refused join costs its sender, not the room's allowance.
     */
    public static final int REFUSED_JOINS_PER_SOCKET = 8;
    /**
     * How long an address counts as having missed (a wrong PIN, seat or host token, or join pattern): while the
     * server is past its rate of wrong PINs, such addresses are refused before any lookup.
     */
    public static final long MISS_MEMORY_MS = 60_000;
    /** Two-step join: a pattern of this many taps, each one of the first this many tile shapes. */
    public static final int JOIN_PATTERN_LENGTH = 4;
    public static final int JOIN_PATTERN_SHAPES = 4;
    /** The pattern changes this often; the one before stays good this long after it changed. */
    public static final long JOIN_PATTERN_PERIOD_MS = 30_000;
    public static final long JOIN_PATTERN_GRACE_MS = 5_000;
    /** After wrong patterns from one address, the longest it waits before its next pattern is checked. */
    public static final long JOIN_PATTERN_MAX_WAIT_MS = 300_000;
    /** Wrong guesses at one room (seat or host tokens it never issued, wrong patterns) a minute that warn its host. */
    public static final int GUESS_WARNING_THRESHOLD = 10;
    public static final long GUESS_WARNING_WINDOW_MS = 60_000;
    /** A room's host is warned of guessing at most this often. */
    public static final long GUESS_WARNING_INTERVAL_MS = 10_000;
    /**
     * A connection that keeps sending but does not read: after this many messages the server pings it with a
     * payload of its own; if this many more arrive before the matching pong, the peer is not reading.
     */
    public static final int READ_PROBE_AFTER = 16;
    public static final int READ_PROBE_MAX_UNANSWERED = 64;
    /**
     * Cluster mode: how long past a question's deadline its owner waits for the answers of players served by other
     * nodes (each node sends its own once, when its players have all answered or at its own deadline).
     */
    public static final long REMOTE_ANSWERS_GRACE_MS = 1_000;

    private Limits() {
    }
}
