package app.quizroom.bank.sheet;

import java.util.List;

/**
 * The layout of the Kahoot! quiz spreadsheet template, which teachers already fill in: instructions above, a
 * heading row (row 8), then one question a row with its number in column A, the question in B, up to four answers
 * in C–F, the time limit in G and the numbers of the right answers in H ("1,3"). Import finds the heading row by
 * its cells rather than its position, so a sheet with rows added or removed above it still reads.
 */
final class KahootTemplate {

    /** The heading row, counted from 0 (row 8 as a spreadsheet shows it). */
    static final int HEADING_ROW = 7;
    static final int QUESTION_COLUMN = 1;
    static final int ANSWERS = 4;
    static final String QUESTION = "Question - max 120 characters";
    static final String ANSWER = "Answer %d - max 75 characters";
    static final String TIME_LIMIT = "Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs";
    static final String CORRECT = "Correct answer(s) - choose at least one";
    /** Kahoot!'s own limits, which are tighter than a bank's. */
    static final int MAX_QUESTION_CHARS = 120;
    static final int MAX_ANSWER_CHARS = 75;
    /** The only time limits Kahoot! offers. */
    static final List<Integer> TIME_LIMITS = List.of(5, 10, 20, 30, 60, 90, 120, 240);

    private KahootTemplate() {
    }

    /** A column's letters as a spreadsheet shows them: 0 is A, 25 is Z, 26 is AA. */
    static String column(int index) {
        StringBuilder letters = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26) {
            letters.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return letters.toString();
    }
}
