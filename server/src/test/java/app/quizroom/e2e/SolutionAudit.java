package app.quizroom.e2e;

import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Checks recorded frames: the only frames that may say what the right answer is are {@code result} (to a player)
 * and {@code reveal} (to the host), and each must come after the question it reveals was closed to answers.
 */
final class SolutionAudit {

    /** Fields that could give a solution away, wherever they appear. */
    private static final Set<String> GIVEAWAYS = Set.of("solution", "correct", "answer", "explanation",
            "optionExplanations", "optionExplanation", "stats", "tolerance");
    private static final Set<String> MAY_REVEAL = Set.of("result", "reveal");

    private SolutionAudit() {
    }

    static void assertNoSolutionBeforeReveal(List<String> frames) {
        int revealedUpTo = -1;
        for (String raw : frames) {
            JsonObject frame = new JsonObject(raw);
            String type = frame.getString("type");
            if (MAY_REVEAL.contains(type)) {
                int index = frame.getInteger("index");
                assertEquals(revealedUpTo + 1, index, "reveals come once per question, in order");
                revealedUpTo = index;
                continue;
            }
            Integer index = frame.getInteger("index", frame.getInteger("question"));
            if (index != null && index > revealedUpTo) {
                for (String key : frame.fieldNames()) {
                    if (GIVEAWAYS.contains(key)) {
                        fail("a '" + type + "' frame for unrevealed question " + index + " carries '" + key + "': " + raw);
                    }
                }
            }
            if (raw.contains("\"solution\"")) {
                fail("a '" + type + "' frame carries a solution: " + raw);
            }
        }
    }
}
