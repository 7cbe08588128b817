package app.quizroom.protocol;

/**
 * Every error code the server sends, in a WebSocket {@code error} frame or an HTTP error body, with its wire value.
 * docs/protocol.md lists each with the situations that give it; a code not here cannot be sent. The frame codes
 * ({@code bad_frame}, {@code bad_utf8}, {@code too_large}) are never sent: a socket breaking the WebSocket protocol
 * is closed instead, and they name why in the protocol-error metric.
 */
public enum ErrorCode {
    // Decoding a frame
    BAD_JSON("bad_json"),
    BAD_MESSAGE("bad_message"),
    UNKNOWN_TYPE("unknown_type"),
    BAD_FRAME("bad_frame"),
    BAD_UTF8("bad_utf8"),
    TOO_LARGE("too_large"),
    // Joining and hosting
    ROOM_NOT_FOUND("room_not_found"),
    RATE_LIMITED("rate_limited"),
    ALREADY_JOINED("already_joined"),
    SHUTTING_DOWN("shutting_down"),
    ROOM_FULL("room_full"),
    BANNED("banned"),
    BAD_TOKEN("bad_token"),
    NAME_INVALID("name_invalid"),
    NAME_BLOCKED("name_blocked"),
    NAME_TAKEN("name_taken"),
    TEAM_REQUIRED("team_required"),
    TEAM_FULL("team_full"),
    NO_SUCH_TEAM("no_such_team"),
    NOT_JOINED("not_joined"),
    NOT_ALLOWED("not_allowed"),
    PATTERN_REQUIRED("pattern_required"),
    // Answers
    ALREADY_ANSWERED("already_answered"),
    TOO_EARLY("too_early"),
    WRONG_QUESTION("wrong_question"),
    PAUSED("paused"),
    LATE("late"),
    INVALID_ANSWER("invalid_answer"),
    // Host commands
    WRONG_PHASE("wrong_phase"),
    NO_PLAYERS("no_players"),
    NOT_PAUSED("not_paused"),
    NO_SUCH_PLAYER("no_such_player"),
    // HTTP
    BAD_REQUEST("bad_request"),
    BANK_NOT_FOUND("bank_not_found"),
    TOO_MANY_ROOMS("too_many_rooms"),
    TOO_MANY_GAMES("too_many_games"),
    PASSWORD_REQUIRED("password_required"),
    REPORT_NOT_FOUND("report_not_found"),
    FORBIDDEN("forbidden"),
    KEYS_REQUIRED("keys_required"),
    STORE_UNAVAILABLE("store_unavailable"),
    ORIGIN_REFUSED("origin_refused"),
    JSON_REQUIRED("json_required"),
    TOO_MANY_ROOMS_FROM_ADDRESS("too_many_rooms_from_address"),
    // The bank editor (HTTP)
    BANK_FILE_NOT_FOUND("bank_file_not_found"),
    BANK_INVALID("bank_invalid"),
    BANK_CONFLICT("bank_conflict"),
    BACKUP_NOT_FOUND("backup_not_found"),
    SHEET_UNREADABLE("sheet_unreadable"),
    IMAGE_NOT_FOUND("image_not_found"),
    IMAGE_INVALID("image_invalid"),
    UNSUPPORTED_TYPE("unsupported_type"),
    UPLOAD_TOO_LARGE("upload_too_large");

    private final String wire;

    ErrorCode(String wire) {
        this.wire = wire;
    }

    /** The code as clients see it. */
    public String wire() {
        return wire;
    }

    @Override
    public String toString() {
        return wire;
    }
}
