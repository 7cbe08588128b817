package app.quizroom.hardening;

import app.quizroom.support.TestServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Results inside a container must outlive the container: the image keeps its database in a declared volume,
 * runs as a user without privileges and checks its own health. No container engine runs on the build machines,
 * so the Dockerfile's final stage is read here, instruction by instruction, rather than built.
 */
class ContainerResultsTest {

    /** The instructions of the Dockerfile's last stage, continuation lines joined, comments dropped. */
    private static List<String> runStage() throws IOException {
        String text = Files.readString(TestServer.projectRoot().resolve("Dockerfile"));
        List<String> instructions = List.of(text.replace("\\\n", " ").split("\n")).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        int last = 0;
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i).startsWith("FROM ")) {
                last = i;
            }
        }
        return instructions.subList(last, instructions.size());
    }

    private static String only(List<String> stage, String keyword) {
        List<String> found = stage.stream().filter(l -> l.startsWith(keyword + " ")).toList();
        assertEquals(1, found.size(), "one " + keyword + " in the image's stage: " + found);
        return found.get(0);
    }

    @Test
    void theImageKeepsResultsInAVolumeRunsUnprivilegedAndChecksItsHealth() throws IOException {
        List<String> stage = runStage();
        assertTrue(only(stage, "VOLUME").matches("VOLUME \\[\"/data\"\\]"), "results live in the volume /data");
        assertTrue(Pattern.compile("\\bQUIZROOM_DB=/data/").matcher(only(stage, "ENV")).find(),
                "the default database is inside the volume");
        String user = only(stage, "USER").substring("USER ".length()).strip();
        assertTrue(!user.equals("root") && !user.equals("0") && !user.startsWith("0:"), "not root: " + user);
        String health = only(stage, "HEALTHCHECK");
        assertTrue(health.contains("/health"), "the health check asks /health: " + health);
        int volume = stage.indexOf(only(stage, "VOLUME"));
        int chown = stage.stream().filter(l -> l.startsWith("RUN ") && l.contains("chown") && l.contains("/data"))
                .findFirst().map(stage::indexOf).orElse(-1);
        assertTrue(chown >= 0 && chown < volume, "/data is handed to the user before it becomes a volume (changes"
                + " to a volume's folder after VOLUME are discarded)");
    }
}
