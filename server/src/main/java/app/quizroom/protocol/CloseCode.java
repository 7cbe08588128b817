package app.quizroom.protocol;

/** Every WebSocket close code the server uses (docs/protocol.md, "Close codes"). */
public enum CloseCode {
    /** RFC 6455: a frame broke the protocol (reserved bits, opcode, fragmentation). */
    PROTOCOL_ERROR(1002),
    /** RFC 6455: a text message that is not valid UTF-8. */
    BAD_DATA(1007),
    /** RFC 6455: policy, such as too many wrong PINs or no join in time. */
    POLICY(1008),
    /** RFC 6455: a frame or message over the size limit. */
    TOO_BIG(1009),
    /** RFC 6455: reading a frame failed in a way the server did not expect. */
    UNEXPECTED(1011),
    /** The seat or the host's place was taken over by a newer connection. */
    REPLACED(4000),
    /** The host removed this player. */
    KICKED(4001),
    /** The room is gone (ended and swept, or the server is closing it). */
    ROOM_GONE(4002),
    /** The client could not take its messages for too long; it may resume. */
    TOO_SLOW(4003),
    /** The game moved to another server of the cluster (its owner was replaced); reconnect to carry on. */
    ROOM_MOVED(4004);

    private final short code;

    CloseCode(int code) {
        this.code = (short) code;
    }

    /** The code as it goes in the close frame. */
    public short code() {
        return code;
    }

    /** The constant for a numeric close code, or null if the server has none for it. */
    public static CloseCode of(int code) {
        for (CloseCode c : values()) {
            if (c.code == code) {
                return c;
            }
        }
        return null;
    }
}
