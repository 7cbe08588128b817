package app.quizroom;

import app.quizroom.bank.BankLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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

    @Test
    void aTabIsReportedOnItsOwnLineInOneLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("tab.yaml"), "id: t\ntitle: T\nquestions:\n\t- id: a\n");
        String printed = run(1, "validate", dir.resolve("tab.yaml").toString());
        assertTrue(printed.startsWith(dir.resolve("tab.yaml") + ":4: a tab character is not allowed in YAML"
                + " indentation; indent with spaces\n"), printed);
        assertEquals(2, printed.lines().count(), "one line for the problem and the summary: " + printed);
    }

    @Test
    void aFileOfThousandsOfProblemsPrintsTwentyAndACount(@TempDir Path dir) throws IOException {
        StringBuilder bank = new StringBuilder("id: big\ntitle: Big\nquestions:\n");
        for (int i = 0; i < 5_000; i++) {
            bank.append("k").append(i).append(": 1\n");
        }
        Files.writeString(dir.resolve("big.yaml"), bank);
        String printed = run(1, "validate", dir.toString());
        List<String> lines = printed.lines().toList();
        assertEquals(BankLoader.MAX_PROBLEMS_PER_FILE + 2, lines.size(), printed);
        assertTrue(lines.get(BankLoader.MAX_PROBLEMS_PER_FILE).endsWith(": and 4981 more problem(s) in this file"),
                printed);
        assertEquals("5001 problem(s) found", lines.get(lines.size() - 1));
    }

    @Test
    void anEmptyFolderNamedLikeABankIsNotValid(@TempDir Path dir) throws IOException {
        Files.createDirectory(dir.resolve("x.yaml"));
        String printed = run(1, "validate", dir.resolve("x.yaml").toString());
        assertTrue(printed.contains(dir.resolve("x.yaml") + ":0: no bank files (.yaml or .yml) in this folder"),
                printed);
        printed = run(1, "validate", dir.toString());
        assertTrue(printed.contains(dir.resolve("x.yaml") + ":0: a folder, not a bank file; skipped"), printed);
    }

    @Test
    void devicesPipesAndMissingPathsAreNamedForWhatTheyAre(@TempDir Path dir) throws Exception {
        String printed = run(1, "validate", "/dev/zero");
        assertTrue(printed.contains("/dev/zero:0: not a regular file (a device, pipe or socket), not a bank file;"
                + " skipped"), printed);
        printed = run(1, "validate", dir.resolve("nope").toString());
        assertTrue(printed.contains(dir.resolve("nope") + ":0: no such file or folder"), printed);
        Path fifo = dir.resolve("pipe.yaml");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, mkfifo.waitFor(), "mkfifo is part of every Linux this runs on");
        printed = run(1, "validate", fifo.toString());
        assertTrue(printed.contains(fifo + ":0: not a regular file (a device, pipe or socket)"), printed);
        printed = run(1, "validate", dir.toString());
        assertTrue(printed.contains(fifo + ":0: not a regular file"), "a pipe in a folder is never opened: " + printed);
    }
}
