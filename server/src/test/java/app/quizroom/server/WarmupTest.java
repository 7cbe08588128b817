package app.quizroom.server;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WarmupTest {

    /** The warm-up throws unless every player got each acknowledgement (saved), each result and the end. */
    @Test
    void warmUpPlaysWholeGamesAndLeavesNoDatabaseBehind() throws Exception {
        Set<Path> before = warmUpFolders();
        Warmup.run(20);
        assertEquals(before, warmUpFolders());
    }

    private static Set<Path> warmUpFolders() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("quizroom-warmup-"))
                    .collect(Collectors.toSet());
        }
    }
}
