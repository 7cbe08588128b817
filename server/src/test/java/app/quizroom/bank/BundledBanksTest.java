package app.quizroom.bank;

import app.quizroom.support.TestServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
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

    @Test
    void rightAnswersSitOnNoFavouredPositionAndAreNotTheLongest() {
        for (Bank bank : loaded.banks()) {
            List<Question> singles = bank.questions().stream().filter(q -> q.type() == QuestionType.SINGLE).toList();
            assertTrue(singles.size() >= 4, bank.id() + " has too few single-choice questions to judge");
            Map<Integer, List<String>> byPosition = new TreeMap<>();
            List<String> longest = new ArrayList<>();
            for (Question q : singles) {
                int right = q.correct().iterator().next();
                byPosition.computeIfAbsent(right + 1, p -> new ArrayList<>()).add(q.id());
                int length = q.options().get(right).text().length();
                boolean strictlyLongest = true;
                for (int i = 0; i < q.options().size(); i++) {
                    if (i != right && q.options().get(i).text().length() >= length) {
                        strictlyLongest = false;
                    }
                }
                if (strictlyLongest) {
                    longest.add(q.id());
                }
            }
            byPosition.forEach((position, ids) -> assertTrue(ids.size() <= 0.4 * singles.size(),
                    bank.file() + ": the right answer is option " + position + " in " + ids.size() + " of "
                            + singles.size() + " single-choice questions " + ids));
            assertTrue(longest.size() <= 0.25 * singles.size(), bank.file() + ": the right option is the longest in "
                    + longest.size() + " of " + singles.size() + " single-choice questions " + longest);
        }
    }

    @Test
    void multiSelectAnswersAreNotAlwaysTheFirstOptions() {
        for (Bank bank : loaded.banks()) {
            List<Question> multis = bank.questions().stream().filter(q -> q.type() == QuestionType.MULTI).toList();
            long first = multis.stream().filter(q -> q.correct().equals(firstOf(q.correct().size()))).count();
            assertTrue(multis.isEmpty() || first < multis.size(), bank.file() + ": the right options come first in every multi-select question");
            for (Question q : multis) {
                assertTrue(q.correct().size() < q.options().size(), bank.file() + "/" + q.id()
                        + ": every option is right");
            }
        }
    }

    @Test
    void aQuarterOfEachBankTestsUnderstandingAndDoublePointsRewardOnlyThat() {
        for (Bank bank : loaded.banks()) {
            List<Question> scored = bank.questions().stream()
                    .filter(q -> q.type() != QuestionType.POLL && q.points() > 0).toList();
            for (Question q : bank.questions()) {
                assertNotNull(q.skill(), bank.file() + "/" + q.id() + " has no skill");
            }
            long understanding = scored.stream().filter(q -> q.skill().isUnderstanding()).count();
            assertTrue(understanding * 4 >= scored.size(), bank.file() + ": only " + understanding + " of "
                    + scored.size() + " scored questions test causation, significance or historiography");
            for (Question q : scored) {
                if (q.points() > 1000) {
                    assertTrue(q.skill().isUnderstanding(), bank.file() + "/" + q.id() + ": double points on a "
                            + q.skill().wireName() + " question");
                }
            }
        }
    }

    @Test
    void trueFalseStatementsCarryNoCueWords() {
        Pattern cue = Pattern.compile("(?iu)(?<![\\p{L}])(only|all|never|always|from the start)(?![\\p{L}])");
        for (Bank bank : loaded.banks()) {
            for (Question q : bank.questions()) {
                if (q.type() == QuestionType.TRUEFALSE) {
                    assertFalse(cue.matcher(q.prompt()).find(), bank.file() + "/" + q.id() + ": cue word in '"
                            + q.prompt() + "'");
                }
            }
        }
    }

    @Test
    void noDistractorWasTheAnswerOfAnEarlierQuestionAndEveryWrongOptionSaysWhyNot() {
        for (Bank bank : loaded.banks()) {
            Set<String> earlierAnswers = new HashSet<>();
            for (Question q : bank.questions()) {
                if (q.type() != QuestionType.SINGLE && q.type() != QuestionType.MULTI) {
                    continue;
                }
                for (int i = 0; i < q.options().size(); i++) {
                    String text = q.options().get(i).text();
                    if (!q.correct().contains(i)) {
                        assertFalse(earlierAnswers.contains(text), bank.file() + "/" + q.id() + ": distractor '"
                                + text + "' was the answer of an earlier question");
                        assertNotNull(q.options().get(i).explanation(), bank.file() + "/" + q.id()
                                + ": wrong option '" + text + "' has no explanation");
                    }
                }
                q.correct().forEach(i -> earlierAnswers.add(q.options().get(i).text()));
            }
        }
    }

    @Test
    void noTwoOrderingQuestionsOrderTheSameEvents() {
        List<String> seen = new ArrayList<>();
        Map<String, String> itemOwner = new HashMap<>();
        for (Bank bank : loaded.banks()) {
            for (Question q : bank.questions()) {
                if (q.type() != QuestionType.ORDER) {
                    continue;
                }
                String where = bank.file() + "/" + q.id();
                Map<String, Integer> sharedWith = new HashMap<>();
                for (var item : q.options()) {
                    String owner = itemOwner.putIfAbsent(plain(item.text()).toLowerCase(), where);
                    if (owner != null) {
                        sharedWith.merge(owner, 1, Integer::sum);
                    }
                }
                sharedWith.forEach((other, n) -> assertTrue(n < 2, where + " orders " + n + " of the events " + other
                        + " orders too"));
                seen.add(where);
            }
        }
        assertTrue(seen.size() >= loaded.banks().size(), "an ordering question in every bank: " + seen);
    }

    private static Set<Integer> firstOf(int n) {
        Set<Integer> first = new HashSet<>();
        for (int i = 0; i < n; i++) {
            first.add(i);
        }
        return first;
    }

    /** Straight and curly apostrophes count as the same. */
    private static String plain(String s) {
        return s.strip().replace('\u2019', '\'');
    }
}
