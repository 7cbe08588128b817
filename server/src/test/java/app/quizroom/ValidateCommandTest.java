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
    void theBundledBanksPassEvenStrictlyAndAgainstTheirNotes() throws IOException {
        Path root = app.quizroom.support.TestServer.projectRoot();
        String printed = run(0, "validate", "--strict", root.resolve("questions").toString());
        assertTrue(printed.contains("all banks are valid"), printed);
        assertTrue(!printed.contains("warning"), printed);
        Path seeds = root.resolve("../shared/seeds").normalize();
        if (Files.isDirectory(seeds)) {
            try (var notes = Files.list(seeds)) {
                for (Path file : notes.filter(p -> p.toString().endsWith(".txt")).toList()) {
                    printed = run(0, "validate", "--strict", "--notes", file.toString(), root.resolve("questions").toString());
                    assertTrue(!printed.contains("warning"), printed);
                }
            }
        }
    }

    @Test
    void warningsLeaveTheStatusAloneUnlessStrict(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("cue.yaml"), """
                id: cue
                title: Cue words
                questions:
                  - id: a
                    type: truefalse
                    prompt: Stalin always followed Lenin's advice.
                    answer: false
                """);
        String printed = run(0, "validate", dir.toString());
        assertTrue(printed.contains(dir.resolve("cue.yaml") + ":4: warning: question 'a': the true/false statement"
                + " says 'always'"), printed);
        assertTrue(printed.contains("all banks are valid (1 warning(s))"), printed);
        printed = run(1, "validate", "--strict", dir.toString());
        assertTrue(printed.contains("all banks are valid (1 warning(s), failing with --strict)"), printed);
    }

    @Test
    void notesThatCannotBeReadAreAUsageError(@TempDir Path dir) {
        String printed = run(2, "validate", "--notes", dir.resolve("missing.txt").toString(), dir.toString());
        assertTrue(printed.contains("missing.txt:0: cannot read the notes"), printed);
    }
}
