package app.quizroom.bank.sheet;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Real .xlsx files for the tests, written with fastexcel's writer. */
public final class Sheets {

    private Sheets() {
    }

    /** A workbook with one sheet filled in by {@code fill}. */
    public static byte[] xlsx(Consumer<Worksheet> fill) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "Test", "1.0");
        fill.accept(workbook.newWorksheet("Sheet1"));
        workbook.finish();
        return out.toByteArray();
    }

    /** The template's instructions and heading row (row 8), as Kahoot!'s own file has them. */
    public static void template(Worksheet sheet) {
        sheet.value(0, 1, "Quiz template");
        sheet.value(1, 1, "Add questions, at least two answer alternatives, time limit and choose correct answers"
                + " (at least one). Have fun creating your awesome quiz!");
        sheet.value(2, 1, "Remember: questions can have a maximum of 120 characters and answers can have 75 characters max.");
        String[] headings = {"Question - max 120 characters", "Answer 1 - max 75 characters",
                "Answer 2 - max 75 characters", "Answer 3 - max 75 characters", "Answer 4 - max 75 characters",
                "Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs", "Correct answer(s) - choose at least one"};
        for (int i = 0; i < headings.length; i++) {
            sheet.value(7, 1 + i, headings[i]);
        }
    }

    /**
     * The template and three questions as a teacher fills them in: one right answer (row 9), two right answers
     * (row 10), and none marked (row 11, which an import refuses).
     */
    public static void templateWithThreeQuestions(Worksheet sheet) {
        template(sheet);
        row(sheet, 8, "Who succeeded Lenin as head of the government?", "Rykov", "Kamenev", "Bukharin", "Tomsky", 20,
                1);
        row(sheet, 9, "Who joined the United Opposition?", "Trotsky", "Rykov", "Zinoviev", "", 30, "1, 3");
        row(sheet, 10, "Who led the Red Army?", "Trotsky", "Stalin", "", "", 20, "");
    }

    /** One question row: its number in column A, then the question, answers, time and correct cell from column B. */
    public static void row(Worksheet sheet, int row, Object... cells) {
        sheet.value(row, 0, row - 7);
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] instanceof String text && !text.isEmpty()) {
                sheet.value(row, 1 + i, text);
            } else if (cells[i] instanceof Number number) {
                sheet.value(row, 1 + i, number);
            }
        }
    }

    /**
     * Adds a saved result to formulas, as Excel or LibreOffice store one ({@code <f>1+2</f><v>3</v>}); fastexcel's
     * writer cannot compute them, so it writes the formula alone.
     */
    static byte[] withSavedResults(byte[] xlsx, Map<String, String> resultByFormula) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // fastexcel's writer leaves sizes out of the local headers, so read it by the central directory
        try (ZipFile in = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(xlsx)).get();
             ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipArchiveEntry entry : Collections.list(in.getEntries())) {
                byte[] content = in.getInputStream(entry).readAllBytes();
                if (entry.getName().startsWith("xl/worksheets/")) {
                    String xml = new String(content, StandardCharsets.UTF_8);
                    for (Map.Entry<String, String> formula : resultByFormula.entrySet()) {
                        String f = "<f>" + formula.getKey() + "</f>";
                        xml = xml.replace(f, f + "<v>" + formula.getValue() + "</v>");
                    }
                    content = xml.getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(content);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
