package app.quizroom.bank.sheet;

import app.quizroom.bank.BankDraft;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Imports questions written in the Kahoot! spreadsheet template (.xlsx), or in a CSV file with the same columns,
 * as a new bank draft for the editor: each row becomes a single-choice question, or a multi-select one when it
 * names several right answers. Rows that cannot be read are listed with their row number and every reason; the
 * rest still import. Time limits are rounded to whole seconds and kept within 5–240, with a note.
 *
 * <p>What is accepted, exactly: the heading row is the first with a cell starting "Question" and one starting
 * "Answer"; answer columns are found by their heading ("Answer 1" to "Answer 6", a bank's limit); a cell with text
 * in a column with no heading, right of the question, is refused (so a sixth answer typed beside a four-answer
 * template is never silently dropped); a formula is read by the result the spreadsheet program saved with it, and
 * refused if it has none. The caller names the bank (its title; the id is made from it).
 */
public final class SheetImport {

    /** Larger uploads are refused before reading. */
    public static final int MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
    /** Questions read from one sheet; later rows are refused. */
    public static final int MAX_QUESTIONS = 500;

    /**
     * An imported sheet.
     *
     * @param draft   the bank with every question that could be read (maybe none)
     * @param refused the rows left out, each with its reasons
     * @param notes   what was changed to read a row (a time limit clamped) or left unread (a column not in the template)
     */
    public record Imported(BankDraft draft, List<RowProblem> refused, List<RowProblem> notes) {
        public Imported {
            refused = List.copyOf(refused);
            notes = List.copyOf(notes);
        }
    }

    private SheetImport() {
    }

    /** Reads the first worksheet of an .xlsx file. */
    public static Imported fromXlsx(InputStream in, String title) throws IOException, SheetException {
        return QuestionRows.read(XlsxRows.read(upload(in)), title);
    }

    /** Reads a CSV file (UTF-8, or Windows-1252 as Excel saves it; comma, semicolon or tab separated). */
    public static Imported fromCsv(InputStream in, String title) throws IOException, SheetException {
        return QuestionRows.read(CsvRows.read(upload(in)), title);
    }

    private static byte[] upload(InputStream in) throws IOException, SheetException {
        byte[] bytes = in.readNBytes(MAX_UPLOAD_BYTES + 1);
        if (bytes.length > MAX_UPLOAD_BYTES) {
            throw new SheetException("the file is larger than " + MAX_UPLOAD_BYTES / (1024 * 1024) + " MiB");
        }
        return bytes;
    }
}
