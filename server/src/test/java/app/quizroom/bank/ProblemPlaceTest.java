package app.quizroom.bank;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** A check's problems are placed on the question, field and option of the draft they are about. */
class ProblemPlaceTest {

    private static BankDraft draft() {
        BankDraft draft = new BankDraft();
        draft.setId("places");
        draft.setTitle("Places");
        QuestionDraft fine = new QuestionDraft();
        fine.setId("fine");
        fine.setType(QuestionType.TRUEFALSE);
        fine.setPrompt("Moscow is a city.");
        fine.setTrueFalseAnswer(true);
        QuestionDraft broken = new QuestionDraft();
        broken.setId("broken");
        broken.setType(QuestionType.SINGLE);
        broken.setPrompt("Which is a city?");
        broken.setOptions(List.of(new OptionDraft("Moscow", null, true),
                new OptionDraft("x".repeat(200), null, false)));
        draft.setQuestions(List.of(fine, broken));
        return draft;
    }

    private static List<ProblemPlace> places(BankDraft draft) {
        BankYaml.Check check = BankYaml.check(draft, "places.yaml", new BankImages(Path.of(".")));
        assertFalse(check.valid());
        return check.problems().stream().map(p -> ProblemPlace.of(check, p)).toList();
    }

    @Test
    void aProblemWithOneOptionIsPlacedOnThatOption() {
        assertEquals(List.of(new ProblemPlace(1, "options", 1)), places(draft()));
    }

    @Test
    void aProblemWithAFieldIsPlacedOnItsQuestionAndField() {
        BankDraft draft = draft();
        draft.getQuestions().get(1).getOptions().get(1).setText("Lyon");
        draft.getQuestions().get(0).setPrompt(null);
        assertEquals(List.of(new ProblemPlace(0, "prompt", null)), places(draft));
    }

    @Test
    void aProblemWithTheBanksOwnFieldIsPlacedOnTheBank() {
        BankDraft draft = draft();
        draft.getQuestions().get(1).getOptions().get(1).setText("Lyon");
        draft.setTitle(null);
        assertEquals(-1, places(draft).get(0).question());
    }
}
