package app.quizroom.browser;

import app.quizroom.support.TestServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A teacher writes a bank in the editor, in real Chromium: one question of each type and a picture; the editor's
 * live check warns that every right answer sits first; the teacher spreads them, saves, and plays the bank at once
 * in a new game on two phones, with the picture on the projector.
 */
@Tag("browser")
class EditorBrowserTest {

    private static final String TITLE = "Moscow in pictures";
    /** A red square on a white ground, as a 320×200 PNG. */
    private static byte[] picture() throws IOException {
        BufferedImage image = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 320, 200);
        g.setColor(new Color(0xB3261E));
        g.fillRect(110, 50, 100, 100);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    @RegisterExtension
    static final BrowserFixture browser = BrowserFixture.withTestBank();

    @Test
    void aTeacherWritesABankWithAPictureFixesTheWarningAndPlaysItAtOnce() throws IOException {
        Projector projector = browser.projector();
        Editor editor = new Editor(projector.driver, browser.baseUrl());
        Path picture = Files.createTempFile("red-square", ".png");
        Files.write(picture, picture());
        picture.toFile().deleteOnExit();

        editor.open();
        editor.newBank(TITLE);
        assertEquals("moscow-in-pictures.yaml",
                editor.driver.findElement(Page.testId("bank-file-name")).getDomProperty("value"));

        int single = editor.add("single");
        // Checked as it stands: each problem is shown next to its field, in words.
        String missing = editor.awaitText(By.cssSelector(
                "[data-testid=\"question-card\"] .field:has([data-testid=\"question-prompt\"])"
                        + " [data-testid=\"problem\"]"),
                t -> t.startsWith("Problem:"), "a problem beside the empty question text");
        assertTrue(missing.contains("prompt"), missing);
        editor.awaitSummary("Not ready to save");
        editor.field(single, "question-prompt", "Which square is beside the Kremlin?");
        editor.options(single, "Red", "Blue", "Pink", "Gold");
        editor.rightOptions(single, 0);
        editor.whyNot(single, 1, "Blue Square is not in Moscow.");
        editor.field(single, "question-explanation", "Red Square lies beside the Kremlin.");
        editor.field(single, "question-source", "Moscow, section 1");
        editor.select(single, "question-skill", "causation");
        editor.field(single, "question-tags", "moscow, squares");
        editor.field(single, "question-time", "30");
        editor.select(single, "question-points", "2000");
        editor.uploadPicture(single, picture);
        editor.field(single, "question-image-alt", "Red Square in the snow");
        for (int copy = 1; copy <= 3; copy++) {
            editor.duplicate(single);
        }
        List<String> prompts = List.of("Which colour names Moscow's main square?", "Which square hosts parades?",
                "Which square holds Lenin's tomb?");
        for (int i = 0; i < prompts.size(); i++) {
            editor.field(single + 1 + i, "question-prompt", prompts.get(i));
        }

        int multi = editor.add("multi");
        editor.field(multi, "question-prompt", "Which of these stand on Red Square?");
        editor.options(multi, "Kremlin wall", "Saint Basil", "Eiffel Tower", "Big Ben");
        editor.rightOptions(multi, 0, 1);
        int truefalse = editor.add("truefalse");
        editor.field(truefalse, "question-prompt", "The Kremlin is a fortress.");
        editor.select(truefalse, "truefalse-answer", "true");
        int order = editor.add("order");
        editor.field(order, "question-prompt", "Put these in the order they were built.");
        editor.options(order, "Kremlin walls", "Saint Basil's", "Lenin's tomb", "GUM store");
        int numeric = editor.add("numeric");
        editor.field(numeric, "question-prompt", "In which year did the Lenin mausoleum open in stone?");
        editor.field(numeric, "numeric-answer", "1930");
        editor.field(numeric, "numeric-unit", "AD");
        int poll = editor.add("poll");
        editor.field(poll, "question-prompt", "Would you like to visit Moscow?");
        editor.options(poll, "Yes", "No", "Maybe");

        // Every single-choice question has its right answer first: the live check says so.
        editor.awaitSummary("Ready to save, with 1 warning to look at");
        String warning = editor.awaitText(By.cssSelector("[data-testid=\"bank-problems\"] [data-testid=\"warning\"]"),
                t -> t.contains("the right answer is option 1"), "the position warning");
        assertTrue(warning.startsWith("Warning:"), "a warning says it is one in words, not only by colour");
        editor.js("window.scrollTo(0, 0)");
        editor.assertAccessible("the editor showing a warning");
        Chrome.screenshot(editor.driver, "editor-warning-top");
        Chrome.fullPageScreenshot(editor.driver, "editor-warning", 1280, 720);

        editor.rightOptions(single + 1, 1);
        editor.rightOptions(single + 2, 2);
        editor.rightOptions(single + 3, 3);
        editor.awaitSummary("Ready to save: no problems");
        assertEquals(List.of(), editor.warnings());
        assertEquals(List.of(), editor.problems());
        editor.save();
        Chrome.fullPageScreenshot(editor.driver, "editor-saved", 1280, 720);

        // The bank is on offer at once: a new game on the projector, two phones, the picture on the big screen.
        projector.open();
        assertTrue(projector.driver.findElement(Page.testId("editor-link")).isDisplayed());
        String pin = projector.createGame(TITLE, 2);
        List<Phone> phones = browser.phones().subList(0, 2);
        phones.get(0).open(pin).join(pin, "Ada");
        phones.get(1).open(pin).join(pin, "Boris");
        projector.awaitPlayers(2);
        projector.start();
        projector.awaitQuestion(1);
        WebElement image = projector.driver.findElement(Page.onScreen("question", "question-image"));
        projector.waiting().until(d -> image.isDisplayed()
                && (Long) projector.js("return arguments[0].naturalWidth", image) > 0);
        assertEquals("Red Square in the snow", image.getDomAttribute("alt"));
        projector.screenshots("editor-question-picture");
        browser.time().advance(2_000);
        for (Phone phone : phones) {
            phone.awaitAnswering(1);
            assertFalse(phone.driver.findElement(Page.testId("phone-image")).isDisplayed(),
                    "pictures stay off phones unless the teacher sends them");
        }
        projector.assertAccessible("the projector's question with a picture");
        projector.screenshots("editor-answering-picture");
        assertTrue(projector.fitsScreen(), "the question with its picture and four tiles fits 1280×720");
        phones.get(0).choose("Red");
        phones.get(1).choose("Gold");
        projector.awaitScreen("reveal");
        assertEquals("Red Square in the snow",
                projector.driver.findElement(Page.onScreen("reveal", "reveal-image")).getDomAttribute("alt"));
        projector.screenshots("editor-reveal-picture");
    }

    @Test
    void anSvgWithAScriptDoesNotRunWhenItsAddressIsOpened() throws IOException {
        TestServer server = browser.server();
        Path folder = server.server.library().current().banks().stream().findFirst()
                .map(b -> Path.of(b.file()).getParent()).orElseThrow();
        Files.writeString(folder.resolve("trap.svg"), """
                <svg xmlns="http://www.w3.org/2000/svg" width="40" height="40">
                  <script>document.documentElement.setAttribute('data-ran', 'yes'); alert('ran');</script>
                  <rect width="40" height="40" fill="red"/>
                </svg>
                """);
        Projector page = browser.projector();
        page.driver.get(browser.baseUrl() + "/api/images/trap.svg");
        assertThrows(NoAlertPresentException.class, () -> page.driver.switchTo().alert());
        Object ran;
        try {
            ran = page.js("return document.documentElement.getAttribute('data-ran')");
        } catch (RuntimeException scriptsOff) {
            ran = null; // the sandbox refuses even the test's own script: certainly none of the file's ran
        }
        assertNull(ran, "the SVG's script ran");
    }

    @Test
    void onTheServersOwnComputerTheEditorNeedsNoPassword() {
        Editor editor = new Editor(browser.projector().driver, browser.baseUrl()).open();
        editor.waiting().until(d -> !d.findElements(Page.testId("bank-file")).isEmpty());
        assertFalse(editor.driver.findElement(Page.testId("access")).isDisplayed());
        String row = editor.texts(Page.testId("bank-file")).get(0);
        assertTrue(row.contains("browser-test.yaml") && row.contains("✓ In use"), row);
    }
}
