package app.quizroom.loadtest;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrameFieldsTest {

    @Test
    void readsTopLevelFieldsOfAQuestionFrame() {
        FrameFields m = FrameFields.of("{\"type\":\"question\",\"index\":2,\"count\":14,\"questionType\":\"order\","
                + "\"prompt\":\"Put \\\"index\\\":9 in order, {like [this]}\",\"options\":[\"a\",\"b\"],"
                + "\"optionCount\":4,\"timeLimitMs\":20000,\"answered\":null,\"paused\":false}");
        assertEquals("question", m.string("type", ""));
        assertEquals(2, m.integer("index", -1));
        assertEquals("order", m.string("questionType", null));
        assertEquals(4, m.integer("optionCount", 0));
        assertFalse(m.bool("paused"));
        assertNull(m.bool("answered"), "null is not a boolean");
    }

    @Test
    void stepsOverNestedObjectsWithTheSameNames() {
        FrameFields m = FrameFields.of("{\"type\":\"result\",\"solution\":{\"index\":7,\"answered\":false},"
                + "\"ahead\":[{\"index\":8}],\"index\":1, \"answered\" : true ,\"score\":-3}");
        assertEquals(1, m.integer("index", -1));
        assertTrue(m.bool("answered"));
        assertEquals(-3, m.integer("score", 0));
        assertEquals(-1, m.integer("missing", -1));
        assertEquals("?", m.string("index", "?"), "a number is not a string");
    }

    @Test
    void textThatIsNotAnObjectHasNoFields() {
        for (String text : new String[] {"", "[1,2]", "{\"type\":", "{\"type\":\"a\"", "not json", "{\"a\"}"}) {
            assertEquals("", FrameFields.of(text).string("type", ""), text);
        }
    }
}
