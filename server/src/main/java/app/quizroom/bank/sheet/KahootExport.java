package app.quizroom.bank.sheet;

import app.quizroom.bank.Bank;
import app.quizroom.bank.Option;
import app.quizroom.bank.Question;
import app.quizroom.bank.QuestionType;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes a bank as a Kahoot! quiz spreadsheet (the template's layout, see {@link KahootTemplate}), for teachers
 * who also use Kahoot! or want their questions in a spreadsheet. Single and multi questions with at most four
 * options are written as they are, truefalse as the two answers True and False; a question the template cannot
 * hold (order, numeric, poll, or more than four options) is skipped and listed. Explanations, skills and pictures
 * have no column and are left out. Kahoot! only offers some time limits, so others are rounded up to the next it
 * offers, and it keeps texts shorter than a bank does: both are noted, and {@link SheetImport} reads the file back.
 */
public final class KahootExport {

    /** Something about one question of the bank: why it was left out, or what Kahoot! may not take as written. */
    public record Note(String questionId, String message) {
    }

    /**
     * What was written.
     *
     * @param questions how many questions the sheet holds
     * @param skipped   the questions left out
     * @param notes     what Kahoot! may not take as written (a long text, a time limit changed), by question id
     */
    public record Exported(int questions, List<Note> skipped, List<Note> notes) {
        public Exported {
            skipped = List.copyOf(skipped);
            notes = List.copyOf(notes);
        }
    }

    private KahootExport() {
    }

    /** Writes the .xlsx file to {@code out} (which is not closed). */
    public static Exported toXlsx(Bank bank, OutputStream out) throws IOException {
        List<Note> skipped = new ArrayList<>();
        List<Note> notes = new ArrayList<>();
        Workbook workbook = new Workbook(out, "Quizroom", "1.0");
        Worksheet sheet = workbook.newWorksheet("Sheet1");
        sheet.value(0, KahootTemplate.QUESTION_COLUMN, bank.title());
        sheet.style(0, KahootTemplate.QUESTION_COLUMN).bold().set();
        sheet.value(1, KahootTemplate.QUESTION_COLUMN, "Exported from Quizroom. Add questions, at least two answers,"
                + " a time limit and the number(s) of the correct answer(s).");
        headings(sheet);
        int row = KahootTemplate.HEADING_ROW + 1;
        for (Question q : bank.questions()) {
            String unfit = unfit(q);
            if (unfit != null) {
                skipped.add(new Note(q.id(), unfit));
                continue;
            }
            List<String> answers = q.type() == QuestionType.TRUEFALSE ? List.of("True", "False")
                    : q.options().stream().map(Option::text).toList();
            sheet.value(row, 0, row - KahootTemplate.HEADING_ROW);
            sheet.value(row, KahootTemplate.QUESTION_COLUMN, q.prompt());
            for (int i = 0; i < answers.size(); i++) {
                sheet.value(row, KahootTemplate.QUESTION_COLUMN + 1 + i, answers.get(i));
            }
            sheet.value(row, KahootTemplate.QUESTION_COLUMN + 1 + KahootTemplate.ANSWERS, kahootTime(q, notes));
            String right = q.correct().stream().sorted().map(i -> String.valueOf(i + 1)).collect(Collectors.joining(","));
            if (q.correct().size() == 1) {
                sheet.value(row, KahootTemplate.QUESTION_COLUMN + 2 + KahootTemplate.ANSWERS, Integer.valueOf(right));
            } else {
                sheet.value(row, KahootTemplate.QUESTION_COLUMN + 2 + KahootTemplate.ANSWERS, right);
            }
            noteLongTexts(q, answers, notes);
            row++;
        }
        workbook.finish();
        return new Exported(row - KahootTemplate.HEADING_ROW - 1, skipped, notes);
    }

    private static void headings(Worksheet sheet) {
        int r = KahootTemplate.HEADING_ROW;
        int c = KahootTemplate.QUESTION_COLUMN;
        sheet.value(r, c, KahootTemplate.QUESTION);
        sheet.width(c, 60);
        for (int i = 1; i <= KahootTemplate.ANSWERS; i++) {
            sheet.value(r, c + i, String.format(KahootTemplate.ANSWER, i));
            sheet.width(c + i, 30);
        }
        sheet.value(r, c + KahootTemplate.ANSWERS + 1, KahootTemplate.TIME_LIMIT);
        sheet.value(r, c + KahootTemplate.ANSWERS + 2, KahootTemplate.CORRECT);
        sheet.range(r, c, r, c + KahootTemplate.ANSWERS + 2).style().bold().wrapText(true).set();
    }

    /** Why a question has no place in the template, or null if it fits. */
    private static String unfit(Question q) {
        return switch (q.type()) {
            case ORDER -> "an ordering question has no place in the template";
            case NUMERIC -> "a numeric question has no place in the template";
            case POLL -> "a poll has no right answer, which the template requires";
            case SINGLE, MULTI -> q.options().size() > KahootTemplate.ANSWERS
                    ? "it has " + q.options().size() + " options; the template holds " + KahootTemplate.ANSWERS : null;
            case TRUEFALSE -> null;
        };
    }

    /** The shortest time limit Kahoot! offers that gives at least the question's own. */
    private static int kahootTime(Question q, List<Note> notes) {
        int seconds = q.timeLimitSeconds();
        int offered = KahootTemplate.TIME_LIMITS.stream().filter(t -> t >= seconds).findFirst()
                .orElse(KahootTemplate.TIME_LIMITS.get(KahootTemplate.TIME_LIMITS.size() - 1));
        if (offered != seconds) {
            notes.add(new Note(q.id(), "time limit " + seconds + " s written as " + offered
                    + " s, the next Kahoot! offers"));
        }
        return offered;
    }

    private static void noteLongTexts(Question q, List<String> answers, List<Note> notes) {
        if (q.prompt().length() > KahootTemplate.MAX_QUESTION_CHARS) {
            notes.add(new Note(q.id(), "the question is " + q.prompt().length() + " characters; Kahoot! takes "
                    + KahootTemplate.MAX_QUESTION_CHARS));
        }
        for (int i = 0; i < answers.size(); i++) {
            if (answers.get(i).length() > KahootTemplate.MAX_ANSWER_CHARS) {
                notes.add(new Note(q.id(), "answer " + (i + 1) + " is " + answers.get(i).length()
                        + " characters; Kahoot! takes " + KahootTemplate.MAX_ANSWER_CHARS));
            }
        }
    }
}
