package app.quizroom.browser;

import app.quizroom.editor.EditorBanks;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The editor on a server with a configured teacher password, which every computer must type, the server's own too:
 * the page says how to get editing, refuses a wrong password, and with the right one imports a spreadsheet for
 * review, saves it, and restores an earlier version.
 */
@Tag("browser")
class EditorPasswordBrowserTest {

    private static final String PASSWORD = "correct-horse";

    @RegisterExtension
    static final BrowserFixture browser = BrowserFixture.withBank("capitals.yaml", EditorBanks.CAPITALS,
            Map.of("QUIZROOM_TEACHER_PASSWORD", PASSWORD));

    @Test
    void withoutThePasswordThePageSaysHowToEditAndWithItTheTeacherImportsSavesAndRestores() throws IOException {
        Editor editor = new Editor(browser.projector().driver, browser.baseUrl()).open();
        editor.waiting().until(d -> d.findElement(Page.testId("access")).isDisplayed());
        assertTrue(editor.text(Page.testId("access")).contains("type the teacher password"));
        assertFalse(editor.driver.findElement(Page.testId("new-bank")).isDisplayed());

        Editor.type(editor.driver.findElement(Page.testId("editor-password")), "guess");
        editor.click(Page.testId("editor-password-submit"));
        editor.awaitText(Page.testId("access-error"), "That teacher password is not right.");

        Editor.type(editor.driver.findElement(Page.testId("editor-password")), PASSWORD);
        editor.click(Page.testId("editor-password-submit"));
        editor.waiting().until(d -> !d.findElements(Page.testId("bank-file")).isEmpty());
        assertEquals(PASSWORD, editor.js("return localStorage.getItem('quizroom.teacherPassword')"),
                "remembered, as the setup screen remembers it");

        // A spreadsheet: reviewed before anything is saved, with the row it could not read.
        Path csv = Files.createTempFile("rivers", ".csv");
        csv.toFile().deleteOnExit();
        Files.writeString(csv, """
                ,Question,Answer 1,Answer 2,Answer 3,Answer 4,Time limit,Correct answer(s)
                1,Which river flows through Paris?,Seine,Rhone,Loire,Garonne,20,1
                2,Which river flows through Rome?,Tiber,Po,Arno,Adige,20,
                3,Which river flows through London?,Severn,Thames,Trent,Tyne,20,2
                """);
        editor.driver.findElement(Page.testId("import-file")).sendKeys(csv.toAbsolutePath().toString());
        Editor.type(editor.driver.findElement(Page.testId("import-title")), "Rivers");
        editor.click(Page.testId("import-submit"));
        editor.awaitText(Page.testId("import-summary"), "2 questions read; 1 row left out.");
        assertEquals(List.of("Row 3: no correct answer"), editor.texts(Page.testId("refused-row")));
        editor.assertAccessible("the editor's import review");
        Chrome.screenshot(editor.driver, "editor-import-review");
        editor.click(Page.testId("import-accept"));
        editor.awaitScreen("bank");
        assertEquals(2, editor.cards().size());
        editor.awaitSummary("Ready to save");
        editor.save();
        assertTrue(browser.server().server.library().current().bank("rivers").isPresent(), "served at once");

        // An edit saved, then undone by restoring the version it replaced.
        editor.field(0, "question-prompt", "Which river runs through Paris?");
        editor.awaitSummary("Ready to save");
        editor.save();
        editor.click(Page.testId("show-backups"));
        editor.waiting().until(d -> d.findElements(Page.testId("restore")).size() == 1);
        editor.click(Page.testId("restore"));
        editor.awaitTextContaining(Page.testId("editor-status"), "Restored the earlier version");
        assertEquals("Which river flows through Paris?",
                editor.card(0).findElement(Page.testId("question-prompt")).getDomProperty("value"));
        assertEquals("Which river flows through Paris?", browser.server().server.library().current().bank("rivers")
                .orElseThrow().questions().get(0).prompt());
        assertFalse(editor.driver.findElement(By.cssSelector("[data-testid=\"editor-error\"]")).isDisplayed());
    }
}
