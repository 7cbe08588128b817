package app.quizroom.bank;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fairness warnings a teacher gets about their own bank, each on the line it concerns. */
class FairnessCheckTest {

    private static final String HEADER = """
            id: sample
            title: Sample
            description: A bank for the checker.
            questions:
            """;

    private static List<String> warnings(String questions, List<String> notes) {
        List<BankProblem> problems = new ArrayList<>();
        Bank bank = BankLoader.parse("bank.yaml", HEADER + questions, problems);
        assertEquals(List.of(), problems, "the bank itself must be valid");
        assertNotNull(bank);
        List<BankProblem> found = FairnessCheck.check(bank, notes);
        found.forEach(w -> assertTrue(w.warning(), w + " must be a warning"));
        return found.stream().map(BankProblem::toString).toList();
    }

    private static List<String> warnings(String questions) {
        return warnings(questions, List.of());
    }

    /** A single-choice question on line {@code 5 + 5 × i} of the bank, its right answer at {@code right}. */
    private static String single(int i, int right, String... options) {
        String list = String.join(", ", options);
        return "  - id: q" + i + "\n"
                + "    type: single\n"
                + "    prompt: Question number " + i + "?\n"
                + "    options: [" + list + "]\n"
                + "    answer: " + options[right] + "\n";
    }

    @Test
    void everyRightAnswerInTheFirstPositionIsReportedOnTheQuestionsLine() {
        StringBuilder bank = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            bank.append(single(i, 0, "Kamenev", "Zinoviev", "Trotsky", "Bukharin"));
        }
        List<String> found = warnings(bank.toString());
        assertEquals(List.of("bank.yaml:4: warning: the right answer is option 1 in 5 of 5 single-choice questions"
                + " (more than 40%): students will find the pattern; spread the right answers over the positions"),
                found);
    }

    @Test
    void rightAnswersSpreadOverThePositionsGiveNoWarning() {
        StringBuilder bank = new StringBuilder();
        int[] rights = {0, 2, 1, 3, 2};
        for (int i = 0; i < rights.length; i++) {
            bank.append(single(i, rights[i], "Kamenev", "Zinoviev", "Trotsky", "Bukharin"));
        }
        assertEquals(List.of(), warnings(bank.toString()));
    }

    @Test
    void aRightOptionThatIsUsuallyTheLongestIsReportedAndAMuchLongerOneOnItsOwnLine() {
        StringBuilder bank = new StringBuilder();
        String[] options = {"Kamenev", "Zinoviev", "Trotsky", "Bukharin"};
        int[] rights = {0, 1, 2, 3};
        for (int i = 0; i < rights.length; i++) {
            String[] o = options.clone();
            o[rights[i]] = i == 2 ? "The General Secretary of the Party" : "Dzerzhinsky";
            bank.append(single(i, rights[i], o));
        }
        List<String> found = warnings(bank.toString());
        assertEquals(List.of(
                "bank.yaml:4: warning: the right option is the longest in 4 of 4 single-choice questions (more than"
                        + " 25%): students learn to pick the longest; even out the lengths",
                "bank.yaml:15: warning: question 'q2': the right option (34 characters) is much longer than every"
                        + " wrong one (at most 8): the length gives the answer away"), found);
    }

    @Test
    void cueWordsInATrueFalseStatementAreReportedOnItsLine() {
        List<String> found = warnings("""
                  - id: plain
                    type: truefalse
                    prompt: Trotsky agreed that the Testament should stay unpublished.
                    answer: true
                  - id: cue
                    type: truefalse
                    prompt: Stalin was never criticised by Lenin, who Always praised him.
                    answer: false
                  - id: phrase
                    type: truefalse
                    prompt: Stalin planned to rule alone from the start.
                    answer: false
                """);
        assertEquals(List.of(
                "bank.yaml:9: warning: question 'cue': the true/false statement says 'never', a word that tells"
                        + " test-wise students the answer: reword it",
                "bank.yaml:9: warning: question 'cue': the true/false statement says 'always', a word that tells"
                        + " test-wise students the answer: reword it",
                "bank.yaml:13: warning: question 'phrase': the true/false statement says 'from the start', a word"
                        + " that tells test-wise students the answer: reword it"), found);
    }

    @Test
    void aCueWordInsideAnotherWordIsNotOne() {
        assertEquals(List.of(), warnings("""
                  - id: a
                    type: truefalse
                    prompt: Stalin's allies included Molotov, and Kirov was installed in Leningrad.
                    answer: true
                """));
    }

    @Test
    void aTrueFalseStatementCopiedFromTheNotesIsReportedWhenNotesAreGiven() {
        String questions = """
                  - id: copied
                    type: truefalse
                    prompt: "Stalin's plain style appealed to new Lenin Enrolment recruits."
                    answer: true
                  - id: own-words
                    type: truefalse
                    prompt: "Recruits of 1924 owed their Party cards to the Secretariat Stalin ran."
                    answer: true
                """;
        List<String> notes = List.of("Methods", "- Trotsky’s Weakness: Stalin’s plain style appealed to new Lenin"
                + " Enrolment recruits, while Trotsky’s elitism and intellectualism alienated Party rank and file.");
        assertEquals(List.of(), warnings(questions), "without notes there is nothing to compare");
        List<String> found = warnings(questions, notes);
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).startsWith("bank.yaml:5: warning: question 'copied': the true/false statement copies"
                + " a line of the notes (100% of its word pairs)"), found.get(0));
    }

    @Test
    void aPromptTooLongToReadInItsTimeIsReported() {
        String longPrompt = "word ".repeat(41).strip();
        List<String> found = warnings("  - id: long\n    type: truefalse\n    prompt: " + longPrompt
                + "\n    answer: true\n    timeLimit: 20\n"
                + "  - id: fits\n    type: truefalse\n    prompt: " + "word ".repeat(40).strip()
                + "\n    answer: true\n    timeLimit: 20\n");
        assertEquals(List.of("bank.yaml:5: warning: question 'long': the prompt's 41 words take 12 s to read at 200"
                + " words a minute, more than 60% of its 20 s: shorten it or give more time"), found);
    }

    @Test
    void doublePointsOnARecallQuestionAreReportedButNotOnACausationQuestion() {
        List<String> found = warnings("""
                  - id: recall
                    type: truefalse
                    prompt: Stalin became General Secretary in 1922.
                    answer: true
                    points: double
                    skill: recall
                  - id: why
                    type: truefalse
                    prompt: The Ban on Factions let Stalin expel the United Opposition as a faction.
                    answer: true
                    points: double
                    skill: causation
                """);
        assertEquals(List.of("bank.yaml:5: warning: question 'recall': extra points on a recall question: keep them"
                + " for questions that test understanding"), found);
    }

    @Test
    void multiSelectQuestionsWithTheirRightOptionsAlwaysFirstAreReported() {
        String multi = """
                  - id: m%d
                    type: multi
                    prompt: Which were on the Left?
                    options: [Trotsky, Zinoviev, Bukharin, Rykov]
                    answer: [%s]
                """;
        assertEquals(List.of("bank.yaml:4: warning: in every multi-select question the right options come first:"
                        + " mix them among the others"),
                warnings(multi.formatted(1, "Trotsky, Zinoviev") + multi.formatted(2, "Trotsky")));
        assertEquals(List.of(), warnings(multi.formatted(1, "Trotsky, Zinoviev") + multi.formatted(2, "Zinoviev")));
    }
}
