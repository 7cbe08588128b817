package app.quizroom.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Banks for the browser tests, each written to a fresh temporary folder (deleted when the JVM exits): the
 * four-question test bank, one of each answer shape (single, multi, order, numeric), or a bank a test brings.
 */
final class TestBank {

    static final String TITLE = "Browser test bank";
    /** Every question's time limit (the bank's {@code timeLimit}), in milliseconds: what scores are computed with. */
    static final long LIMIT_MS = 20_000;

    private static final String YAML = """
            id: browser-test
            title: Browser test bank
            description: Four questions for the browser tests.
            topic: Testing the pages
            timeLimit: 20
            questions:
              - id: capital
                type: single
                prompt: "Which city is the capital of France?"
                options:
                  - Paris
                  - text: Lyon
                    explanation: "Lyon is a big city, but the capital is Paris."
                  - Marseille
                  - Nice
                answer: Paris
                explanation: "Paris is the capital of France."
              - id: primes
                type: multi
                prompt: "Which of these numbers are prime? Choose all that apply."
                options: ["2", "3", "4", "9", "11"]
                answer: ["2", "3", "11"]
                explanation: "2, 3 and 11 have no divisors but 1 and themselves; 4 and 9 are squares."
              - id: planets
                type: order
                prompt: "Put these planets in order from the Sun."
                items: [Mercury, Venus, Earth, Mars]
                explanation: "Mercury, Venus, Earth, then Mars."
              - id: wall
                type: numeric
                prompt: "In which year did the Berlin Wall fall?"
                answer: 1989
                tolerance: 0
                explanation: "The Berlin Wall fell on 9 November 1989."
            """;

    private TestBank() {
    }

    /** A folder holding the four-question test bank. */
    static Path write() {
        return folderWith("browser-test.yaml", YAML);
    }

    /** A folder holding one bank file of this name and text. */
    static Path folderWith(String fileName, String yaml) {
        try {
            Path dir = Files.createTempDirectory("quizroom-bank-");
            Path file = dir.resolve(fileName);
            dir.toFile().deleteOnExit(); // deleted in reverse order: the file, then the folder
            file.toFile().deleteOnExit();
            Files.writeString(file, yaml);
            return dir;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
