package app.quizroom.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

import java.nio.file.Path;
import java.util.List;

/** The teacher's bank editor at /editor. Cards are found afresh each time: adding a question rebuilds them. */
final class Editor extends Page {

    Editor(ChromeDriver driver, String baseUrl) {
        super(driver, baseUrl);
    }

    Editor open() {
        driver.get(baseUrl + "/editor");
        awaitScreen("list");
        return this;
    }

    void newBank(String title) {
        waiting().until(d -> d.findElement(testId("new-bank")).isDisplayed());
        click(testId("new-bank"));
        awaitScreen("bank");
        type(driver.findElement(testId("bank-title")), title);
    }

    static void type(WebElement input, String text) {
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text);
    }

    /** Adds a question of this type and returns its index. */
    int add(String type) {
        int before = cards().size();
        click(testId("add-" + type));
        waiting().until(d -> cards().size() == before + 1);
        return before;
    }

    List<WebElement> cards() {
        return driver.findElements(testId("question-card"));
    }

    WebElement card(int i) {
        return cards().get(i);
    }

    void field(int question, String testId, String text) {
        type(card(question).findElement(testId(testId)), text);
    }

    void select(int question, String testId, String value) {
        new Select(card(question).findElement(testId(testId))).selectByValue(value);
    }

    /** Types option texts (adding or removing option rows as needed is left to the caller). */
    void options(int question, String... texts) {
        for (int i = 0; i < texts.length; i++) {
            int index = i;
            type(waiting().until(d -> card(question).findElements(testId("option")).get(index))
                    .findElement(testId("option-text")), texts[i]);
        }
    }

    void whyNot(int question, int option, String text) {
        type(card(question).findElements(testId("option")).get(option).findElement(testId("option-why")), text);
    }

    /** Ticks "Right answer" on these options and unticks it on the others. */
    void rightOptions(int question, int... right) {
        List<WebElement> options = card(question).findElements(testId("option"));
        for (int i = 0; i < options.size(); i++) {
            WebElement box = options.get(i).findElement(testId("option-correct"));
            boolean wanted = false;
            for (int r : right) {
                wanted |= r == i;
            }
            if (box.isSelected() != wanted) {
                box.click();
            }
        }
    }

    void duplicate(int question) {
        int before = cards().size();
        card(question).findElement(testId("question-duplicate")).click();
        waiting().until(d -> cards().size() == before + 1);
    }

    void uploadPicture(int question, Path file) {
        card(question).findElement(testId("image-upload")).sendKeys(file.toAbsolutePath().toString());
        waiting().withMessage(() -> "the picture's preview" + alerts())
                .until(d -> card(question).findElement(testId("image-preview")).isDisplayed());
    }

    /** The page's check summary once the check has answered for the last edit. */
    String awaitSummary(String start) {
        return awaitText(testId("check-summary"), t -> t.startsWith(start), "a check summary starting '" + start + "'");
    }

    List<String> warnings() {
        return texts(By.cssSelector("[data-testid=\"screen-bank\"] [data-testid=\"warning\"]"));
    }

    List<String> problems() {
        return texts(By.cssSelector("[data-testid=\"screen-bank\"] [data-testid=\"problem\"]"));
    }

    void save() {
        click(testId("save"));
        awaitTextContaining(testId("editor-status"), "Saved ");
    }
}
