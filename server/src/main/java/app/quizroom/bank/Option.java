package app.quizroom.bank;

/**
 * One option of a choice question, or one item of an ordering question.
 *
 * @param text        what the tile shows
 * @param explanation why this option is (not) right, shown at the reveal; may be null
 */
public record Option(String text, String explanation) {
}
