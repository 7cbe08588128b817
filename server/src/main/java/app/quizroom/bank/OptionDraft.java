package app.quizroom.bank;

/**
 * One option (or, for an ordering question, one item) of a {@link QuestionDraft}, as the editor holds it.
 * Mutable and free of checks: {@link BankYaml#check} says what is wrong.
 */
public final class OptionDraft {

    private String text;
    private String explanation;
    private boolean correct;

    public OptionDraft() {
    }

    public OptionDraft(String text, String explanation, boolean correct) {
        this.text = text;
        this.explanation = explanation;
        this.correct = correct;
    }

    /** What the tile shows. */
    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    /** Why this option is (not) right, shown at the reveal; null for none (the option is then written as a plain text). */
    public String getExplanation() {
        return explanation;
    }

    public void setExplanation(String explanation) {
        this.explanation = explanation;
    }

    /** True for a right option of a single or multi question; ignored for the other types. */
    public boolean isCorrect() {
        return correct;
    }

    public void setCorrect(boolean correct) {
        this.correct = correct;
    }
}
