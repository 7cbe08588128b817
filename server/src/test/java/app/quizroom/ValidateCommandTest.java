package app.quizroom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValidateCommandTest {

    private static String run(int expectedStatus, String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertEquals(expectedStatus, Main.validate(args));
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aFolderWithABadBankFailsAndNamesFileAndLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("bad.yaml"), "id: bad\ntitle: Bad\nquestions:\n  - id: a\n    type: essay\n    prompt: x\n");
        String printed = run(1, "validate", dir.toString());
        assertTrue(printed.contains(dir.resolve("bad.yaml") + ":5: unknown question type 'essay'"), printed);
        assertTrue(printed.contains("1 problem(s) found"), printed);
    }

    @Test
    void theBundledBanksPass() {
        String printed = run(0, "validate", app.quizroom.support.TestServer.projectRoot().resolve("questions").toString());
        assertTrue(printed.contains("all banks are valid"), printed);
    }
}
