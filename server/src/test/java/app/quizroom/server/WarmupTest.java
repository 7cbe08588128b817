package app.quizroom.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Both warm-ups throw unless every player got each acknowledgement (saved), each result and the end; each works in
 * a folder of its own (so that other processes' warm-ups in the shared temporary folder cannot disturb the count),
 * which it leaves empty.
 */
class WarmupTest {

    @Test
    void warmUpPlaysWholeGamesAndLeavesNoDatabaseBehind(@TempDir Path parent) throws Exception {
        Warmup.run(20, parent);
        assertNothingLeftIn(parent, "the warm-up's database and folder are removed");
    }

    @Test
    void socketWarmUpPlaysAWholeGameOverSocketsAndLeavesNothingBehind(@TempDir Path parent) throws Exception {
        SocketWarmup.run(60, parent);
        assertNothingLeftIn(parent, "the throwaway server's folder (bank, database, password) is removed");
    }

    private static void assertNothingLeftIn(Path parent, String what) throws IOException {
        try (Stream<Path> left = Files.list(parent)) {
            assertEquals(List.of(), left.toList(), what);
        }
    }
}
