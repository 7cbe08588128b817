package app.quizroom.game;

import java.nio.charset.StandardCharsets;

/**
 * A frame that is the same for every recipient, encoded once: its JSON text and the UTF-8 bytes of that text,
 * which a link writes as they are (the array is never changed, so every socket may share it).
 */
public final class SharedFrame {

    private final String json;
    private final byte[] utf8;

    public SharedFrame(String json) {
        this.json = json;
        this.utf8 = json.getBytes(StandardCharsets.UTF_8);
    }

    public String json() {
        return json;
    }

    /** The bytes on the wire; shared by every recipient, so read them and never write into them. */
    public byte[] utf8() {
        return utf8;
    }
}
