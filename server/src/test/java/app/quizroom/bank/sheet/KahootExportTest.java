package app.quizroom.bank.sheet;

import app.quizroom.bank.Bank;
import app.quizroom.bank.BankImages;
import app.quizroom.bank.BankLoader;
import app.quizroom.bank.BankProblem;
import app.quizroom.bank.BankYaml;
import app.quizroom.bank.Question;
import app.quizroom.bank.QuestionType;
import app.quizroom.support.TestServer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

class KahootExportTest {

    @Test
    void aBankIsWrittenAsTheTemplateAndWhatDoesNotFitIsListed() throws Exception {
        List<BankProblem> problems = new ArrayList<>();
        Bank bank = BankLoader.parse("export.yaml", """
                id: export
                title: Export
                timeLimit: 25
                questions:
                  - id: secretary
                    type: single
                    prompt: "Who became General Secretary in 1922?"
                    options: ["Trotsky", {text: "Stalin", explanation: "In April 1922."}, "Zinoviev"]
                    answer: "Stalin"
                  - id: right
                    type: multi
                    prompt: "Who led the Right?"
                    options: ["Bukharin", "Trotsky", "Rykov", "Kamenev"]
                    answer: ["Rykov", "Bukharin"]
                    timeLimit: 60
                  - id: troika
                    type: truefalse
                    prompt: "The Troika formed during Lenin's illness."
                    answer: true
                    timeLimit: 20
                  - id: posts
                    type: order
                    prompt: "Put these in order."
                    items: ["Commissar for Nationalities", "General Secretary"]
                  - id: year
                    type: numeric
                    prompt: "In which year did Lenin die?"
                    answer: 1924
                  - id: blame
                    type: poll
                    prompt: "Who was most to blame?"
                    options: ["Trotsky", "Zinoviev"]
                  - id: five
                    type: single
                    prompt: "Which of these was never in the Politburo?"
                    options: ["Stalin", "Trotsky", "Kamenev", "Zinoviev", "Uglanov"]
                    answer: "Uglanov"
                """, problems);
        assertEquals(List.of(), problems);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        KahootExport.Exported exported = KahootExport.toXlsx(bank, out);

        assertEquals(3, exported.questions());
        assertEquals(List.of(
                new KahootExport.Note("posts", "an ordering question has no place in the template"),
                new KahootExport.Note("year", "a numeric question has no place in the template"),
                new KahootExport.Note("blame", "a poll has no right answer, which the template requires"),
                new KahootExport.Note("five", "it has 5 options; the template holds 4")), exported.skipped());
        assertEquals(List.of(new KahootExport.Note("secretary", "time limit 25 s written as 30 s, the next Kahoot! offers")),
                exported.notes());

        SheetImport.Imported back = SheetImport.fromXlsx(new ByteArrayInputStream(out.toByteArray()), "Export");
        assertEquals(List.of(), back.refused());
        assertEquals(List.of(), back.notes());
        assertEquals("""
                id: export
                title: Export
                questions:
                  - id: q1
                    type: single
                    prompt: "Who became General Secretary in 1922?"
                    options:
                      - "Trotsky"
                      - "Stalin"
                      - "Zinoviev"
                    answer: "Stalin"
                    timeLimit: 30

                  - id: q2
                    type: multi
                    prompt: "Who led the Right?"
                    options:
                      - "Bukharin"
                      - "Trotsky"
                      - "Rykov"
                      - "Kamenev"
                    answer: ["Bukharin", "Rykov"]
                    timeLimit: 60

                  - id: q3
                    type: single
                    prompt: "The Troika formed during Lenin's illness."
                    options:
                      - "True"
                      - "False"
                    answer: "True"
                    timeLimit: 20
                """, BankYaml.write(back.draft()));
    }

    @Test
    void everyBundledBankExportsAndReadsBackWithoutARefusedRow() throws Exception {
        for (Bank bank : BankLoader.loadFolder(TestServer.projectRoot().resolve("questions")).banks()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            KahootExport.Exported exported = KahootExport.toXlsx(bank, out);
            long fits = bank.questions().stream().filter(KahootExportTest::fitsTheTemplate).count();
            assertEquals(fits, exported.questions(), bank.id());
            assertEquals(bank.questions().size() - fits, exported.skipped().size(), bank.id());
            SheetImport.Imported back = SheetImport.fromXlsx(new ByteArrayInputStream(out.toByteArray()), bank.title());
            assertEquals(List.of(), back.refused(), bank.id());
            assertEquals(fits, back.draft().getQuestions().size(), bank.id());
            assertNotNull(BankYaml.check(back.draft(), "back.yaml", new BankImages(TestServer.projectRoot())).bank(), bank.id());
        }
    }

    private static boolean fitsTheTemplate(Question q) {
        return q.type() == QuestionType.TRUEFALSE
                || (q.type() == QuestionType.SINGLE || q.type() == QuestionType.MULTI) && q.options().size() <= 4;
    }
}
