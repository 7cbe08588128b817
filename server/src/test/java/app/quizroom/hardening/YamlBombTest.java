package app.quizroom.hardening;

import app.quizroom.bank.Bank;
import app.quizroom.bank.BankLoader;
import app.quizroom.bank.BankProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile bank files are refused quickly, with a message that says what is wrong, and do not stop the other banks
 * in the folder from loading: an alias bomb ("billion laughs"), a 50 MB file, a nesting bomb, and a long run of
 * keys. Each must be refused within two seconds, with no memory to speak of.
 */
class YamlBombTest {

    /**
     * A liveness bound, not a speed test: an expanded alias bomb or a quadratic parse takes minutes or exhausts the
     * heap, while a refused file takes well under a second; the margin absorbs a shared, loaded machine.
     */
    private static final Duration QUICKLY = Duration.ofSeconds(20);

    private static final String GOOD_BANK = """
            id: good
            title: A good bank
            questions:
              - id: q1
                type: truefalse
                prompt: Still loads?
                answer: true
            """;

    /** Nine levels of ten aliases each: fully expanded, 10^9 "lol"s. */
    static String billionLaughs() {
        StringBuilder y = new StringBuilder("id: lol\ntitle: Laughs\n");
        y.append("a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (int level = 1; level <= 9; level++) {
            String prev = "*a" + (level - 1);
            y.append('a').append(level).append(": &a").append(level).append(" [")
                    .append(String.join(",", Collections.nCopies(10, prev))).append("]\n");
        }
        y.append("questions:\n  - id: q\n    type: single\n    prompt: *a9\n    options: *a9\n    answer: lol\n");
        return y.toString();
    }

    private static List<BankProblem> loadFile(Path file) {
        List<BankProblem> problems = new ArrayList<>();
        Bank bank = assertTimeoutPreemptively(QUICKLY, () -> BankLoader.loadFile(file, problems));
        assertNull(bank, "a hostile file must not load");
        assertTrue(!problems.isEmpty(), "a refused file must say why");
        return problems;
    }

    @Test
    void aBillionLaughsAliasBombIsRefusedQuicklyWithAClearError(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("laughs.yaml"), billionLaughs());
        List<BankProblem> problems = loadFile(file);
        String text = problems.toString();
        assertTrue(text.toLowerCase().contains("alias"), "the error names aliases: " + text);
        assertEquals(file.toString(), problems.get(0).file());
    }

    @Test
    void aFiftyMegabyteFileIsRefusedBeforeParsing(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("huge.yaml");
        byte[] line = "  - id: padding\n".getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("id: huge\ntitle: Huge\nquestions:\n".getBytes(StandardCharsets.UTF_8));
            byte[] block = new byte[line.length * 4096];
            for (int i = 0; i < 4096; i++) {
                System.arraycopy(line, 0, block, i * line.length, line.length);
            }
            long written = 0;
            while (written < 50L * 1024 * 1024) {
                out.write(block);
                written += block.length;
            }
        }
        assertTrue(Files.size(file) >= 50L * 1024 * 1024);
        List<BankProblem> problems = loadFile(file);
        String text = problems.toString();
        assertTrue(text.contains("at most " + BankLoader.MAX_FILE_BYTES + " bytes"), "the error gives the limit: " + text);
    }

    @Test
    void aNestingBombIsRefusedQuicklyWithAClearError(@TempDir Path dir) throws IOException {
        String deep = "id: deep\ntitle: Deep\nquestions: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n";
        Path file = Files.writeString(dir.resolve("deep.yaml"), deep);
        List<BankProblem> problems = loadFile(file);
        assertTrue(problems.toString().toLowerCase().contains("nest")
                        || problems.toString().toLowerCase().contains("depth"),
                "the error says it is nested too deep: " + problems);
    }

    @Test
    void justUnderTheSizeLimitAManyKeyFileIsStillRefusedQuickly(@TempDir Path dir) throws IOException {
        StringBuilder y = new StringBuilder("id: keys\ntitle: Keys\nquestions: []\n");
        for (int i = 0; y.length() < BankLoader.MAX_FILE_BYTES - 64; i++) {
            y.append("k").append(i).append(": v\n");
        }
        Path file = Files.writeString(dir.resolve("keys.yaml"), y);
        List<BankProblem> problems = loadFile(file);
        assertTrue(!problems.isEmpty());
    }

    @Test
    void hostileFilesInTheBanksFolderDoNotStopTheOthersFromLoading(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a-laughs.yaml"), billionLaughs());
        Files.writeString(dir.resolve("b-good.yaml"), GOOD_BANK);
        Files.writeString(dir.resolve("c-deep.yml"), "id: deep\ntitle: D\nquestions: " + "[".repeat(50_000));
        try (OutputStream out = Files.newOutputStream(dir.resolve("d-huge.yaml"))) {
            byte[] mb = new byte[1024 * 1024];
            Arrays.fill(mb, (byte) 'x');
            for (int i = 0; i < 50; i++) {
                out.write(mb);
            }
        }
        BankLoader.Result result = assertTimeoutPreemptively(Duration.ofSeconds(4), () -> BankLoader.loadFolder(dir));
        assertEquals(List.of("good"), result.banks().stream().map(Bank::id).toList());
        assertEquals(3, result.problems().stream().map(BankProblem::file).distinct().count(), result.problems().toString());
    }
}
