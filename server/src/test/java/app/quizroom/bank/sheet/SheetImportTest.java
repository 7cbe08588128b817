package app.quizroom.bank.sheet;

import app.quizroom.bank.BankYaml;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SheetImportTest {

    private static final String LONG = "Why? ".repeat(100) + "!";

    @Test
    void theKahootTemplateBecomesABankAndEveryUnreadableRowIsListedWithItsReasons() throws Exception {
        byte[] xlsx = Sheets.xlsx(sheet -> {
            Sheets.templateWithThreeQuestions(sheet);
            Sheets.row(sheet, 11, "Which of these were Bolsheviks?", "Lenin", "Martov", "Stalin", "Dan", 20, 1);
            sheet.value(11, 8, "Trotsky");
            sheet.value(11, 9, "Kerensky");
            Sheets.row(sheet, 12, "In which year did Lenin die?", "1922", "1924", "", "", 20);
            sheet.formula(12, 7, "1+1");
            Sheets.row(sheet, 13, LONG, "Yes", "No", "", "", 20, 1);
            Sheets.row(sheet, 14, "Who wrote Lessons of October?", "Trotsky", "Kamenev", "", "", 20, 3);
            Sheets.row(sheet, 15, "", "", "", "", "", "");
            Sheets.row(sheet, 16, "When did the Lenin Enrolment start?", 1924, 1925, "", "", 300, 1);
            Sheets.row(sheet, 17, "Who chaired the Moscow Soviet?", "Kamenev", "Uglanov", "", "", 2.5, "2,5,x");
            Sheets.row(sheet, 18, "", "Kamenev", "Kamenev", "", "", 20, 1);
        });
        SheetImport.Imported imported = SheetImport.fromXlsx(new ByteArrayInputStream(xlsx), "Stalin's rise");

        assertEquals("""
                id: stalin-s-rise
                title: Stalin's rise
                questions:
                  - id: q1
                    type: single
                    prompt: "Who succeeded Lenin as head of the government?"
                    options:
                      - "Rykov"
                      - "Kamenev"
                      - "Bukharin"
                      - "Tomsky"
                    answer: "Rykov"
                    timeLimit: 20

                  - id: q2
                    type: multi
                    prompt: "Who joined the United Opposition?"
                    options:
                      - "Trotsky"
                      - "Rykov"
                      - "Zinoviev"
                    answer: ["Trotsky", "Zinoviev"]
                    timeLimit: 30

                  - id: q3
                    type: single
                    prompt: "When did the Lenin Enrolment start?"
                    options:
                      - "1924"
                      - "1925"
                    answer: "1924"
                    timeLimit: 240
                """, BankYaml.write(imported.draft()));
        assertEquals(List.of(
                "row 11: no correct answer",
                "row 12: text in column I, which has no heading (only the template's columns are read); "
                        + "text in column J, which has no heading (only the template's columns are read)",
                "row 13: cell H13 holds a formula with no saved result (type the value instead); no correct answer",
                "row 14: the question is 501 characters long; the limit is 500",
                "row 15: correct answer 3 names an empty answer",
                "row 18: correct answer '5' is not an answer number (1–4); correct answer 'x' is not an answer number (1–4)",
                "row 19: no question text; answer 2 repeats an earlier answer ('Kamenev')"),
                imported.refused().stream().map(Object::toString).toList());
        assertEquals(List.of("row 17: time limit 300 became 240 s (a question takes 5 to 240 whole seconds)"),
                imported.notes().stream().map(Object::toString).toList());
    }

    @Test
    void aFormulaIsReadByTheResultTheSpreadsheetSavedWithIt() throws Exception {
        byte[] xlsx = Sheets.withSavedResults(Sheets.xlsx(sheet -> {
            Sheets.template(sheet);
            Sheets.row(sheet, 8, "Who won?", "Stalin", "Trotsky", "", "", 20);
            sheet.formula(8, 7, "3-2");
            Sheets.row(sheet, 9, "Who lost?", "Stalin", "Trotsky", "", "", 20);
            sheet.formula(9, 7, "1+1");
        }), Map.of("3-2", "1", "1+1", "2"));
        SheetImport.Imported imported = SheetImport.fromXlsx(new ByteArrayInputStream(xlsx), "Formulas");
        assertEquals(List.of(), imported.refused());
        assertEquals(List.of(List.of(true, false), List.of(false, true)), imported.draft().getQuestions().stream()
                .map(q -> q.getOptions().stream().map(o -> o.isCorrect()).toList()).toList());
    }

    @Test
    void answerColumnsAreFoundByTheirHeadingsUpToSix() throws Exception {
        byte[] xlsx = Sheets.xlsx(sheet -> {
            String[] headings = {"Question", "Answer 1", "Answer 2", "Answer 3", "Answer 4", "Answer 5", "Answer 6",
                    "Correct answer(s)", "Explanation"};
            for (int i = 0; i < headings.length; i++) {
                sheet.value(0, i, headings[i]);
            }
            String[] row = {"Who was in the Politburo in 1924?", "Stalin", "Kirov", "Zinoviev", "Molotov", "Kamenev",
                    "Uglanov", "1,3,5", "Kirov joined in 1930"};
            for (int i = 0; i < row.length; i++) {
                sheet.value(1, i, row[i]);
            }
        });
        SheetImport.Imported imported = SheetImport.fromXlsx(new ByteArrayInputStream(xlsx), "Six");
        assertEquals(List.of(), imported.refused());
        assertEquals(List.of("row 1: column I ('Explanation') is not part of the template and was not read"),
                imported.notes().stream().map(Object::toString).toList());
        assertEquals(6, imported.draft().getQuestions().get(0).getOptions().size());
        assertEquals(null, imported.draft().getQuestions().get(0).getTimeLimit(), "no time column: the bank's default");
    }

    @Test
    void aCsvWithTheSameColumnsImportsTheSameWay() throws Exception {
        String csv = """
                Quiz template,,,,,,,
                ,"Question - max 120 characters","Answer 1 - max 75 characters","Answer 2 - max 75 characters",\
                "Answer 3 - max 75 characters","Answer 4 - max 75 characters",\
                "Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs","Correct answer(s) - choose at least one"
                1,"Who became General Secretary in 1922?",Stalin,Trotsky,,,20,1
                2,"Who were on the Left, in 1925?","Zinoviev","Bukharin","Kamenev",,7.6,"1,3"

                3,"Who led the Red Army?",Trotsky,Stalin,,,20,
                4,"A question written
                over two lines?",Yes,No,,,20,2
                """;
        SheetImport.Imported imported = SheetImport.fromCsv(
                new ByteArrayInputStream(("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8)), "CSV");
        assertEquals(List.of("row 6: no correct answer"), imported.refused().stream().map(Object::toString).toList());
        assertEquals(List.of("row 4: time limit 7.6 became 8 s (a question takes 5 to 240 whole seconds)"),
                imported.notes().stream().map(Object::toString).toList());
        assertEquals(List.of("Who became General Secretary in 1922?", "Who were on the Left, in 1925?",
                "A question written\nover two lines?"),
                imported.draft().getQuestions().stream().map(q -> q.getPrompt()).toList());
        assertEquals(List.of(20, 8, 20), imported.draft().getQuestions().stream().map(q -> q.getTimeLimit()).toList());
    }

    @Test
    void aSemicolonCsvFromExcelInWindows1252IsRead() throws Exception {
        String csv = "Question;Answer 1;Answer 2;Answer 3;Answer 4;Time limit (sec);Correct answer(s)\n"
                + "Qui était à la tête de l'Armée rouge ?;Trotsky;Staline;;;20;1\n";
        SheetImport.Imported imported = SheetImport.fromCsv(
                new ByteArrayInputStream(csv.getBytes(Charset.forName("windows-1252"))), "Français");
        assertEquals(List.of(), imported.refused());
        assertEquals("Qui était à la tête de l'Armée rouge ?", imported.draft().getQuestions().get(0).getPrompt());
        assertEquals("fran-ais", imported.draft().getId());
    }

    @Test
    void aFileThatIsNoQuestionSheetIsRefusedWhole() throws Exception {
        assertEquals("no heading row found: the template's row with 'Question', 'Answer 1', ... 'Correct answer(s)'"
                        + " must come before the questions",
                assertThrows(SheetException.class, () -> SheetImport.fromCsv(
                        new ByteArrayInputStream("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)), "x")).getMessage());
        assertEquals("the heading row (row 1) has no 'Correct answer(s)' column",
                assertThrows(SheetException.class, () -> SheetImport.fromCsv(
                        new ByteArrayInputStream("Question,Answer 1,Answer 2\n".getBytes(StandardCharsets.UTF_8)), "x"))
                        .getMessage());
        assertEquals("not an .xlsx file (it cannot be read as a zip archive)", assertThrows(SheetException.class,
                () -> SheetImport.fromXlsx(new ByteArrayInputStream("Question,Answer".getBytes(StandardCharsets.UTF_8)),
                        "x")).getMessage());
        byte[] xls = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
        assertEquals("this is an Excel 97–2003 (.xls) file: save it as an Excel Workbook (.xlsx) first",
                assertThrows(SheetException.class, () -> SheetImport.fromXlsx(new ByteArrayInputStream(xls), "x"))
                        .getMessage());
        assertEquals("the file is larger than 5 MiB", assertThrows(SheetException.class, () -> SheetImport.fromCsv(
                new ByteArrayInputStream(new byte[SheetImport.MAX_UPLOAD_BYTES + 1]), "x")).getMessage());
    }

    @Test
    void anXlsxThatInflatesToGigabytesIsRefusedBeforeReading() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 80; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertEquals("not a question sheet: the .xlsx file inflates to over 64 MiB", assertThrows(SheetException.class,
                () -> SheetImport.fromXlsx(new ByteArrayInputStream(out.toByteArray()), "bomb")).getMessage());
    }
}
