package app.quizroom.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SocketWarmupTest {

    /**
     * The socket warm-up throws unless every phone got a saved acknowledgement and a result for each question, and
     * the end, with no error; its throwaway server's folder (bank, database, password) is removed afterwards.
     */
    @Test
    void playsAWholeGameOverSocketsAndLeavesNothingBehind(@TempDir Path parent) throws Exception {
        SocketWarmup.run(60, parent);
        try (Stream<Path> left = Files.list(parent)) {
            assertEquals(List.of(), left.toList(), "the throwaway server's folder is removed");
        }
    }
}
