package app.quizroom.store;

import app.quizroom.game.GameRecorder;
import app.quizroom.game.RoomSnapshot;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A live room's saved state as the database keeps it ({@code live_rooms.state_json}, cluster mode): the game's
 * {@link RoomSnapshot} and the wall-clock time it was taken, so that a node taking the room over knows how long the
 * room was away. The game knows nothing of this encoding.
 */
public final class RoomStates {

    /** Unknown fields are an error: a state written by another version is not guessed at. */
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /** A saved state: the room and when it was taken (ms since the epoch). */
    public record Saved(int version, long savedAt, RoomSnapshot room) {
    }

    /** The format's version, saved with each state. */
    static final int VERSION = 1;

    private RoomStates() {
    }

    public static String encode(RoomSnapshot room, long savedAt) {
        try {
            return MAPPER.writeValueAsString(new Saved(VERSION, savedAt, room));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @throws IllegalArgumentException if the text is not a state this version wrote */
    public static Saved decode(String json) {
        try {
            Saved saved = MAPPER.readValue(json, Saved.class);
            if (saved.version() != VERSION || saved.room() == null) {
                throw new IllegalArgumentException("not a room state of version " + VERSION);
            }
            return saved;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a room state: " + e.getOriginalMessage(), e);
        }
    }

    /** An accepted answer as {@code answers.answer_json} holds it. */
    static GameRecorder.GivenAnswer answer(String json) {
        try {
            return Json.MAPPER.readValue(json, GameRecorder.GivenAnswer.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a stored answer: " + e.getOriginalMessage(), e);
        }
    }
}
