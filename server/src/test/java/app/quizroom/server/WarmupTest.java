package app.quizroom.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WarmupTest {

    /** The warm-up throws unless every player got each acknowledgement (saved), each result and the end. */
    @Test
    void warmUpPlaysWholeGamesAndLeavesNoDatabaseBehind(@TempDir Path parent) throws Exception {
        Warmup.run(20, parent);
        // Its own folder, so that other processes' warm-ups in the shared temporary folder cannot disturb the count.
        try (Stream<Path> left = Files.list(parent)) {
            assertEquals(List.of(), left.toList(), "the warm-up's database and folder are removed");
        }
    }
}
