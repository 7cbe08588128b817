package app.quizroom.bank;

import app.quizroom.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BankYamlTest {

    private static final Path BUNDLED = TestServer.projectRoot().resolve("questions");

    @TempDir
    Path dir;

    @Test
    void everyBundledBankReadAndWrittenBackIsByteIdentical() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(BUNDLED)) {
            files = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertEquals(7, files.size());
        for (Path file : files) {
            String content = Files.readString(file);
            BankYaml.Read read = BankYaml.read(file.toString(), content, new BankImages(BUNDLED));
            assertEquals(List.of(), read.problems(), file.toString());
            assertEquals(content, BankYaml.write(read.draft()), file.getFileName().toString());
        }
    }

    @Test
    void aDraftOfEveryTypeIsWrittenInTheBundledLayoutAndLoads() throws IOException {
        Files.write(dir.resolve("map.png"), TestBanks.PNG);
        BankDraft bank = everyType();
        String expected = """
                id: every-type
                title: "Every type: a test"
                description: "A \\"quoted\\" word,\\na back\\\\slash and a second line"
                topic: "Stalin's rise to power, 1924–29"
                timeLimit: 25
                questions:
                  - id: general-secretary
                    type: single
                    prompt: "Who became General Secretary in 1922?"
                    image: map.png
                    imageAlt: "A map of the Kremlin"
                    options:
                      - "Stalin"
                      - text: "Trotsky"
                        explanation: "He led the Red Army."
                    answer: "Stalin"
                    timeLimit: 30
                    points: double
                    skill: recall
                    explanation: "In April 1922."
                    source: "Stalin’s power base"
                    tags: ["1922", Stalin, Lenin's Testament, "a, b", "true"]

                  - id: left
                    type: multi
                    prompt: "Who were on the Left?"
                    options:
                      - "Zinoviev"
                      - "Bukharin"
                      - "Kamenev"
                    answer: ["Zinoviev", "Kamenev"]

                  - id: troika
                    type: truefalse
                    prompt: "The Troika formed after Lenin's funeral."
                    answer: false
                    timeLimit: 10
                    points: none

                  - id: posts
                    type: order
                    prompt: "Put Stalin's posts in order."
                    items:
                      - "Commissar for Nationalities"
                      - "General Secretary"

                  - id: growth
                    type: numeric
                    prompt: "By what percentage did the Party grow?"
                    answer: 76
                    tolerance: 2.5
                    unit: "%"
                    points: 1500

                  - id: opinion
                    type: poll
                    prompt: "Who was most to blame?"
                    options:
                      - "Trotsky"
                      - "Zinoviev"
                """;
        assertEquals(expected, BankYaml.write(bank));

        BankYaml.Check check = BankYaml.check(bank, "every-type.yaml", new BankImages(dir));
        assertEquals(List.of(), check.problems());
        Bank loaded = check.bank();
        assertEquals("A \"quoted\" word,\na back\\slash and a second line", loaded.description());
        assertEquals(List.of("1922", "Stalin", "Lenin's Testament", "a, b", "true"), loaded.questions().get(0).tags());
        assertEquals("map.png", loaded.questions().get(0).image());
        assertEquals(2.5, loaded.questions().get(4).tolerance());
        assertEquals(expected, BankYaml.write(BankYaml.read("x.yaml", expected, new BankImages(dir)).draft()));
    }

    @Test
    void freeTextOfAnyCharactersReadsBackUnchanged() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        String alphabet = "ab \"'\\:#,[]{}-?!&*|>%@`\n\t\r\u0007\u0085\u2028\u00a0é–’😀";
        for (int round = 0; round < 200; round++) {
            BankDraft bank = TestBanks.draft("random", "Random");
            QuestionDraft q = bank.getQuestions().get(0);
            String text = "x" + randomText(random, alphabet) + "x";
            String tag = randomText(random, alphabet);
            bank.setTitle(text);
            q.setExplanation(text);
            q.setTags(List.of(tag, "t"));
            BankDraft back = BankYaml.read("r.yaml", BankYaml.write(bank), new BankImages(dir)).draft();
            String where = "seed " + seed + ", round " + round + ": " + text;
            assertNotNull(back, where);
            assertEquals(text, back.getTitle(), where);
            assertEquals(text, back.getQuestions().get(0).getExplanation(), where);
            assertEquals(List.of(tag, "t"), back.getQuestions().get(0).getTags(), where);
        }
    }

    @Test
    void aProblemNamesItsLineInTheSavedFileAndItsQuestion() {
        BankDraft bank = everyType();
        bank.getQuestions().get(1).getOptions().forEach(o -> o.setCorrect(false));
        bank.getQuestions().get(0).setImage(null);
        bank.getQuestions().get(0).setImageAlt(null);
        BankYaml.Check check = BankYaml.check(bank, "bank.yaml", new BankImages(dir));
        assertFalse(check.valid());
        assertEquals(List.of("bank.yaml:22: missing 'answer'"), check.problems().stream().map(Object::toString).toList());
        assertEquals(1, check.questionIndexOf(check.problems().get(0)));
        assertEquals(List.of(7, 22, 30, 37, 44, 52), check.questionLines());
    }

    @Test
    void aBankWithErrorsStillOpensWithWhatFitsTheModel() {
        String yaml = """
                id: broken
                title: Broken
                questions:
                  - id: q1
                    type: single
                    prompt: "Who?"
                    options: ["Stalin", "Trotsky"]
                    answer: "Lenin"
                    timeLimit: soon
                    colour: red
                """;
        BankYaml.Read read = BankYaml.read("broken.yaml", yaml, new BankImages(dir));
        assertEquals(List.of(
                "broken.yaml:10: unknown key 'colour' in a question",
                "broken.yaml:9: 'timeLimit' must be a whole number of seconds from 5 to 240",
                "broken.yaml:8: answer 'Lenin' is not among the options"),
                read.problems().stream().map(Object::toString).toList());
        QuestionDraft q = read.draft().getQuestions().get(0);
        assertEquals("Who?", q.getPrompt());
        assertEquals(List.of("Stalin", "Trotsky"), q.getOptions().stream().map(OptionDraft::getText).toList());
        assertTrue(q.getOptions().stream().noneMatch(OptionDraft::isCorrect));
        assertEquals(null, q.getTimeLimit());
    }

    @Test
    void textThatIsNotYamlOpensAsNoDraftWithItsProblem() {
        BankYaml.Read read = BankYaml.read("bad.yaml", "id: x\ntitle: [unclosed\n", new BankImages(dir));
        assertEquals(null, read.draft());
        assertEquals(1, read.problems().size());
    }

    /**
     * Hand-written files may use YAML the writer does not produce; questions/README.md lists these
     * normalisations, and this test holds exactly that list.
     */
    @Test
    void otherSpellingsAreNormalisedAsTheReadmeSays() {
        String handWritten = """
                # a comment
                id: 'spellings'
                title: Spellings   # trailing comment
                questions:
                  - {id: q1, type: multi, prompt: 'Who?', options: [A, B, C], answer: [C, A], points: 2000, tags: []}
                  - id: q2
                    type: numeric
                    prompt: >
                      How many?
                    answer: 1.50
                    tolerance: 0.0
                    points: 1000
                    timeLimit: 20
                """;
        String expected = """
                id: spellings
                title: Spellings
                questions:
                  - id: q1
                    type: multi
                    prompt: "Who?"
                    options:
                      - "A"
                      - "B"
                      - "C"
                    answer: ["A", "C"]
                    points: double

                  - id: q2
                    type: numeric
                    prompt: "How many?"
                    answer: 1.5
                    tolerance: 0
                    timeLimit: 20
                    points: standard
                """;
        BankYaml.Read read = BankYaml.read("s.yaml", handWritten, new BankImages(dir));
        assertEquals(List.of(), read.problems());
        assertEquals(expected, BankYaml.write(read.draft()));
    }

    private static String randomText(Random random, String alphabet) {
        StringBuilder s = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            s.appendCodePoint(alphabet.codePoints().toArray()[random.nextInt((int) alphabet.codePoints().count())]);
        }
        return s.toString();
    }

    private static BankDraft everyType() {
        BankDraft bank = new BankDraft();
        bank.setId("every-type");
        bank.setTitle("Every type: a test");
        bank.setDescription("A \"quoted\" word,\na back\\slash and a second line");
        bank.setTopic("Stalin's rise to power, 1924–29");
        bank.setTimeLimit(25);
        QuestionDraft single = question("general-secretary", QuestionType.SINGLE, "Who became General Secretary in 1922?");
        single.setImage("map.png");
        single.setImageAlt("A map of the Kremlin");
        single.setOptions(List.of(new OptionDraft("Stalin", null, true),
                new OptionDraft("Trotsky", "He led the Red Army.", false)));
        single.setTimeLimit(30);
        single.setPoints(2000);
        single.setSkill(Skill.RECALL);
        single.setExplanation("In April 1922.");
        single.setSource("Stalin’s power base");
        single.setTags(List.of("1922", "Stalin", "Lenin's Testament", "a, b", "true"));
        QuestionDraft multi = question("left", QuestionType.MULTI, "Who were on the Left?");
        multi.setOptions(List.of(new OptionDraft("Zinoviev", null, true), new OptionDraft("Bukharin", null, false),
                new OptionDraft("Kamenev", null, true)));
        QuestionDraft trueFalse = question("troika", QuestionType.TRUEFALSE, "The Troika formed after Lenin's funeral.");
        trueFalse.setTrueFalseAnswer(false);
        trueFalse.setTimeLimit(10);
        trueFalse.setPoints(0);
        trueFalse.setOptions(List.of(new OptionDraft("kept from an earlier type, not written", null, true)));
        QuestionDraft order = question("posts", QuestionType.ORDER, "Put Stalin's posts in order.");
        order.setOptions(List.of(new OptionDraft("Commissar for Nationalities", null, false),
                new OptionDraft("General Secretary", null, false)));
        QuestionDraft numeric = question("growth", QuestionType.NUMERIC, "By what percentage did the Party grow?");
        numeric.setNumericAnswer(76.0);
        numeric.setTolerance(2.5);
        numeric.setUnit("%");
        numeric.setPoints(1500);
        QuestionDraft poll = question("opinion", QuestionType.POLL, "Who was most to blame?");
        poll.setOptions(List.of(new OptionDraft("Trotsky", null, false), new OptionDraft("Zinoviev", null, false)));
        bank.setQuestions(new ArrayList<>(List.of(single, multi, trueFalse, order, numeric, poll)));
        return bank;
    }

    private static QuestionDraft question(String id, QuestionType type, String prompt) {
        QuestionDraft q = new QuestionDraft();
        q.setId(id);
        q.setType(type);
        q.setPrompt(prompt);
        return q;
    }
}
