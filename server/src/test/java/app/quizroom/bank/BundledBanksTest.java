package app.quizroom.bank;

import app.quizroom.support.TestServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The banks shipped in questions/ meet the content bar: valid, varied, explained, and tied to the study notes. */
class BundledBanksTest {

    private static final Set<String> EXPECTED = Set.of("lenins-testament", "lenin-enrolment", "defeat-of-the-right",
            "stalins-power-base", "lenins-funeral-and-trotsky", "troika-and-the-left", "why-stalin-won");

    private static BankLoader.Result loaded;

    @BeforeAll
    static void load() {
        loaded = BankLoader.loadFolder(TestServer.projectRoot().resolve("questions"));
    }

    @Test
    void everyBundledBankValidates() {
        assertEquals(List.of(), loaded.problems());
        assertEquals(EXPECTED, loaded.banks().stream().map(Bank::id).collect(Collectors.toSet()));
    }

    @Test
    void everyBankHasEnoughQuestionsTypesAndAChronology() {
        for (Bank bank : loaded.banks()) {
            assertTrue(bank.questions().size() >= 12, bank.id() + " has " + bank.questions().size() + " questions");
            long types = bank.questions().stream().map(Question::type).distinct().count();
            assertTrue(types >= 4, bank.id() + " uses only " + types + " question types");
            assertTrue(bank.questions().stream().anyMatch(q -> q.type() == QuestionType.ORDER),
                    bank.id() + " has no ordering question");
        }
    }

    @Test
    void everyQuestionTeachesAndEveryWrongSingleOptionSaysWhyNot() {
        for (Bank bank : loaded.banks()) {
            for (Question q : bank.questions()) {
                String where = bank.id() + "/" + q.id();
                assertNotNull(q.explanation(), where + " has no explanation");
                assertNotNull(q.source(), where + " has no source");
                if (q.type() == QuestionType.SINGLE) {
                    for (int i = 0; i < q.options().size(); i++) {
                        if (!q.correct().contains(i)) {
                            assertNotNull(q.options().get(i).explanation(),
                                    where + ": wrong option '" + q.options().get(i).text() + "' has no explanation");
                        }
                    }
                }
            }
        }
    }

    @Test
    void everySourceNamesASectionOfTheStudyNotes() throws IOException {
        Path seeds = TestServer.projectRoot().resolve("../shared/seeds").normalize();
        Assumptions.assumeTrue(Files.isDirectory(seeds),
                "the study notes are not beside this checkout (" + seeds + "), so sources cannot be checked");
        Set<String> headings;
        try (var files = Files.list(seeds)) {
            headings = files.filter(p -> p.toString().endsWith(".txt")).flatMap(p -> {
                try {
                    return Files.readAllLines(p).stream();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).filter(line -> !line.isBlank() && !line.startsWith("- ")).map(BundledBanksTest::plain)
                    .collect(Collectors.toSet());
        }
        assertFalse(headings.isEmpty());
        for (Bank bank : loaded.banks()) {
            for (Question q : bank.questions()) {
                assertTrue(headings.contains(plain(q.source())),
                        bank.id() + "/" + q.id() + ": source '" + q.source() + "' is not a heading of the notes");
            }
        }
    }

    /** Straight and curly apostrophes count as the same. */
    private static String plain(String s) {
        return s.strip().replace('\u2019', '\'');
    }
}
