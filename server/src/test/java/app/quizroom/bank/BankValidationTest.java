package app.quizroom.bank;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BankValidationTest {

    private static final String HEADER = """
            id: sample
            title: Sample
            questions:
            """;

    /** Parses a bank whose questions start on line 4, and returns the problems as printed. */
    private static List<String> problems(String questions) {
        List<BankProblem> problems = new ArrayList<>();
        Bank bank = BankLoader.parse("bank.yaml", HEADER + questions, problems);
        if (!problems.isEmpty()) {
            assertNull(bank, "a bank with problems must not load");
        }
        return problems.stream().map(BankProblem::toString).toList();
    }

    @Test
    void validBankLoadsWithEveryType() {
        List<BankProblem> problems = new ArrayList<>();
        Bank bank = BankLoader.parse("bank.yaml", HEADER + """
                  - id: a
                    type: single
                    prompt: Who became General Secretary in 1922?
                    options: [Stalin, Trotsky, {text: Zinoviev, explanation: He led the Comintern.}]
                    answer: Stalin
                  - id: b
                    type: multi
                    prompt: Who were on the Left?
                    options: [Trotsky, Zinoviev, Bukharin]
                    answer: [Trotsky, Zinoviev]
                    points: double
                  - id: c
                    type: truefalse
                    prompt: The Testament was published.
                    answer: false
                  - id: d
                    type: order
                    prompt: Put in order
                    items: [Nationalities, General Secretary]
                    timeLimit: 30
                  - id: e
                    type: numeric
                    prompt: Which year?
                    answer: 1922
                    tolerance: 0
                  - id: f
                    type: poll
                    prompt: Who convinces you?
                    options: [Deutscher, Tucker]
                    points: none
                """, problems);
        assertEquals(List.of(), problems);
        assertNotNull(bank);
        assertEquals(6, bank.questions().size());
        Question single = bank.questions().get(0);
        assertEquals(java.util.Set.of(0), single.correct());
        assertEquals("He led the Comintern.", single.options().get(2).explanation());
        assertEquals(java.util.Set.of(0, 1), bank.questions().get(1).correct());
        assertEquals(2000, bank.questions().get(1).points());
        assertEquals(java.util.Set.of(1), bank.questions().get(2).correct());
        assertEquals(30, bank.questions().get(3).timeLimitSeconds());
        assertEquals(20, bank.questions().get(4).timeLimitSeconds());
        assertEquals(1922.0, bank.questions().get(4).numericAnswer());
        assertEquals(0, bank.questions().get(5).points());
    }

    @Test
    void unknownTypeIsReportedOnItsLine() {
        assertEquals(List.of("bank.yaml:5: unknown question type 'essay' (expected single, multi, truefalse, order, numeric or poll)"),
                problems("""
                          - id: a
                            type: essay
                            prompt: Discuss.
                        """));
    }

    @Test
    void numbersSpelledInWaysOnlyYamlReadsAreProblemsNotCrashes() {
        assertEquals(List.of(
                "bank.yaml:7: 'timeLimit' must be a whole number of seconds from 5 to 240",
                "bank.yaml:8: 'points' must be standard, double, none or a whole number from 0 to 10000",
                "bank.yaml:9: 'answer' must be a number",
                "bank.yaml:10: 'tolerance' must be a number"), problems("""
                  - id: a
                    type: numeric
                    prompt: How many?
                    timeLimit: 0x1E
                    points: 99999999999999999999
                    answer: 1_000
                    tolerance: .inf
                """));
    }

    @Test
    void missingAnswerIsReportedOnTheQuestionLine() {
        assertEquals(List.of("bank.yaml:4: missing 'answer'"), problems("""
                  - id: a
                    type: single
                    prompt: Pick one
                    options: [x, y]
                """));
    }

    @Test
    void answerNotAmongTheOptionsIsReportedOnTheAnswerLine() {
        assertEquals(List.of("bank.yaml:10: answer 'Lenin' is not among the options"), problems("""
                  - id: a
                    type: single
                    prompt: Pick one
                    options:
                      - Stalin
                      - Trotsky
                    answer: Lenin
                """));
    }

    @Test
    void duplicateQuestionIdsAreReportedOnTheSecondQuestion() {
        assertEquals(List.of("bank.yaml:8: duplicate question id 'a'"), problems("""
                  - id: a
                    type: truefalse
                    prompt: One
                    answer: true
                  - id: a
                    type: truefalse
                    prompt: Two
                    answer: false
                """));
    }

    @Test
    void timeOutOfRangeIsReported() {
        assertEquals(List.of("bank.yaml:8: 'timeLimit' must be a whole number of seconds from 5 to 240"), problems("""
                  - id: a
                    type: truefalse
                    prompt: One
                    answer: true
                    timeLimit: 300
                """));
    }

    @Test
    void emptyPromptIsReported() {
        assertEquals(List.of("bank.yaml:6: 'prompt' is empty"), problems("""
                  - id: a
                    type: truefalse
                    prompt: "  "
                    answer: true
                """));
    }

    @Test
    void unknownKeysAreReportedNotIgnored() {
        assertEquals(List.of("bank.yaml:7: unknown key 'answr' in a question"), problems("""
                  - id: a
                    type: truefalse
                    prompt: One
                    answr: true
                    answer: true
                """));
    }

    @Test
    void tooFewOptionsAndDuplicateOptionsAreReported() {
        assertEquals(List.of("bank.yaml:7: 'options' must have 2 to 6 entries, not 1"), problems("""
                  - id: a
                    type: single
                    prompt: One
                    options: [x]
                    answer: x
                """));
        assertEquals(List.of("bank.yaml:9: 'x' appears twice in 'options'"), problems("""
                  - id: a
                    type: single
                    prompt: One
                    options:
                      - x
                      - x
                    answer: x
                """));
    }

    @Test
    void fieldsThatDoNotBelongToTheTypeAreReported() {
        assertEquals(List.of("bank.yaml:8: a poll question has no 'answer'"), problems("""
                  - id: a
                    type: poll
                    prompt: Which?
                    options: [x, y]
                    answer: x
                """));
    }

    @Test
    void duplicateKeysAreReported() {
        assertEquals(List.of("bank.yaml:7: duplicate key 'prompt'"), problems("""
                  - id: a
                    type: truefalse
                    prompt: One
                    prompt: Two
                    answer: true
                """));
    }

    @Test
    void aliasesAreRefusedRatherThanExpanded() {
        List<BankProblem> problems = new ArrayList<>();
        String bomb = """
                id: bomb
                title: Bomb
                a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
                b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
                c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
                questions: [*c]
                """;
        assertNull(BankLoader.parse("bomb.yaml", bomb, problems));
        assertEquals(1, problems.size());
        assertEquals("bomb.yaml:4: YAML aliases (*name) are not supported in banks", problems.get(0).toString());
    }

    @Test
    void brokenYamlIsReportedWithItsLine() {
        List<BankProblem> problems = new ArrayList<>();
        assertNull(BankLoader.parse("bad.yaml", "id: x\ntitle: [unclosed\nquestions: []\n", problems));
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).toString().startsWith("bad.yaml:"), problems.toString());
        assertTrue(problems.get(0).message().startsWith("not valid YAML"), problems.toString());
    }

    @Test
    void aBadFileIsSkippedAndTheOthersLoad(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a-good.yaml"), HEADER.replace("sample", "good") + """
                  - id: a
                    type: truefalse
                    prompt: One
                    answer: true
                """);
        Files.writeString(dir.resolve("b-bad.yaml"), HEADER.replace("sample", "bad") + """
                  - id: a
                    type: truefalse
                    prompt: One
                """);
        Files.writeString(dir.resolve("c-same-id.yml"), HEADER.replace("sample", "good") + """
                  - id: a
                    type: truefalse
                    prompt: One
                    answer: false
                """);
        Files.writeString(dir.resolve("notes.txt"), "not a bank");
        BankLoader.Result result = BankLoader.loadFolder(dir);
        assertEquals(List.of("good"), result.banks().stream().map(Bank::id).toList());
        List<String> printed = result.problems().stream().map(BankProblem::toString).toList();
        assertEquals(List.of(
                dir.resolve("b-bad.yaml") + ":4: missing 'answer' (true or false)",
                dir.resolve("c-same-id.yml") + ":1: bank id 'good' is already used by " + dir.resolve("a-good.yaml")),
                printed);
    }

    @Test
    void anOversizedFileIsRefusedBeforeParsing(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.yaml");
        Files.writeString(big, "id: big\n" + "#".repeat(BankLoader.MAX_FILE_BYTES + 10));
        List<BankProblem> problems = new ArrayList<>();
        assertNull(BankLoader.loadFile(big, problems));
        assertTrue(problems.get(0).toString().startsWith(big + ":1: file is "), problems.toString());
    }

    @Test
    void anUnknownSkillIsAnError() {
        assertEquals(List.of("bank.yaml:8: unknown skill 'memory' (expected recall, chronology, causation,"
                + " significance or historiography)"), problems("""
                  - id: a
                    type: truefalse
                    prompt: Stalin became General Secretary in 1922.
                    answer: true
                    skill: memory
                """));
    }
}
