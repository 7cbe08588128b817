package app.quizroom.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.util.List;
import java.util.Map;

/** A student's page at / or /join/PIN, in a 360×640 mobile viewport unless a test {@link #resize resizes} it. */
final class Phone extends Page {

    Phone(ChromeDriver driver, String baseUrl) {
        super(driver, baseUrl);
    }

    /** Opens the page by the QR code's link (PIN filled in) or, with a null PIN, the plain page. */
    Phone open(String pin) {
        driver.get(baseUrl + (pin == null ? "/" : "/join/" + pin));
        awaitScreen("join");
        return this;
    }

    /** Types the PIN (unless the link filled it in) and the nickname, without sending. */
    Phone fill(String pin, String name) {
        WebElement pinField = driver.findElement(testId("join-pin"));
        if (!pin.equals(pinField.getDomProperty("value"))) {
            pinField.clear();
            pinField.sendKeys(pin);
        }
        WebElement nameField = driver.findElement(testId("join-name"));
        nameField.clear();
        nameField.sendKeys(name);
        return this;
    }

    void submitJoin() {
        click(testId("join-submit"));
    }

    Phone join(String pin, String name) {
        fill(pin, name);
        submitJoin();
        awaitScreen("lobby");
        return this;
    }

    /** Sends the join form of a game where players pick, and waits for the team choice. */
    Phone joinToTeamChoice(String pin, String name) {
        fill(pin, name);
        submitJoin();
        awaitScreen("team");
        return this;
    }

    /** The team buttons of the team choice as "name|size text|enabled" lines. */
    List<String> teamChoices() {
        return driver.findElements(onScreen("team", "team-choice")).stream()
                .map(b -> b.findElement(By.className("team-button-name")).getText() + "|"
                        + b.findElement(By.className("team-button-size")).getText() + "|" + b.isEnabled())
                .toList();
    }

    /** Taps a team on the team choice and waits for the lobby to show it as the player's team. */
    void pickTeam(String teamName) {
        for (WebElement b : driver.findElements(onScreen("team", "team-choice"))) {
            if (b.getText().contains(teamName)) {
                b.click();
                awaitScreen("lobby");
                awaitTeam(teamName);
                return;
            }
        }
        throw new AssertionError("no team " + teamName + " among " + teamChoices());
    }

    /** Taps "switch to" this team in the lobby. */
    void switchTeam(String teamName) {
        for (WebElement b : driver.findElements(onScreen("lobby", "switch-team"))) {
            if (b.getText().contains(teamName)) {
                b.click();
                return;
            }
        }
        throw new AssertionError("no team " + teamName + " to switch to");
    }

    /** The top bar's name and score as one line ("Ann · 1,000 pts"): its name and score are separate boxes. */
    String topBar() {
        return (String) js("return document.getElementById('me').textContent");
    }

    /** The team shown in the top bar (on every screen), or "" in an individual game. */
    String myTeam() {
        WebElement chip = driver.findElement(testId("my-team"));
        return chip.isDisplayed() ? chip.getText() : "";
    }

    /** Waits until the top bar shows this team. */
    void awaitTeam(String teamName) {
        awaitText(testId("my-team"), teamName);
    }

    /** The colour the top bar's team swatch is painted in, as CSS reports it. */
    String teamSwatchColour() {
        return (String) js("return getComputedStyle(document.querySelector('#my-team .swatch')).backgroundColor");
    }

    String myName() {
        return text(onScreen("lobby", "my-name"));
    }

    /** Waits for answers to open on question {@code number} (1-based). */
    void awaitAnswering(int number) {
        awaitScreen("question");
        awaitText(onScreen("question", "phone-question-number"), t -> t.startsWith("Question " + number + " "),
                "question " + number);
        waiting().withMessage("the answer area of question " + number)
                .until(d -> d.findElement(onScreen("question", "answer-area")).isDisplayed()
                        && d.findElements(By.cssSelector("[data-testid=\"answer-area\"] :is(button, input):not([disabled])")).size() > 0);
    }

    private WebElement optionWithText(String testId, String text) {
        for (WebElement e : driver.findElements(onScreen("question", testId))) {
            if (e.getText().contains(text)) {
                return e;
            }
        }
        throw new AssertionError("no option '" + text + "' among " + texts(onScreen("question", testId)));
    }

    /** Taps the tile showing this text (single, true/false, poll) and waits for "Answer sent". */
    void choose(String text) {
        optionWithText("choice", text).click();
        awaitSent();
    }

    /** Toggles these tiles (multi) and sends. */
    void chooseAll(List<String> texts) {
        for (String t : texts) {
            optionWithText("choice", t).click();
        }
        click(onScreen("question", "submit-answer"));
        awaitSent();
    }

    /** Puts the items in this order (order) with their ▲ buttons, and sends. */
    void order(List<String> texts) {
        arrange(texts);
        click(onScreen("question", "submit-answer"));
        awaitSent();
    }

    /** The order items' texts as the list shows them, first at the top. */
    List<String> arrangement() {
        return driver.findElements(onScreen("question", "order-item")).stream()
                .map(e -> e.findElement(By.className("order-text")).getText()).toList();
    }

    /** Moves items up with their ▲ buttons, one press a place, until the list reads {@code texts}. */
    void arrange(List<String> texts) {
        for (int place = 0; place < texts.size(); place++) {
            String text = texts.get(place);
            for (int at = arrangement().indexOf(text); at > place; at--) {
                moveUp(text);
                int expected = at - 1;
                waiting().withMessage(text + " at place " + (expected + 1)).until(d -> arrangement().indexOf(text) == expected);
            }
        }
    }

    /** Presses the ▲ button of the item showing this text. */
    void moveUp(String text) {
        optionWithText("order-item", text).findElement(Page.testId("move-up")).click();
    }

    /** Presses the ▼ button of the item showing this text. */
    void moveDown(String text) {
        optionWithText("order-item", text).findElement(Page.testId("move-down")).click();
    }

    /**
     * Drags the item showing this text with the mouse (mouse input through the DevTools protocol, with the phone's
     * touch emulation off meanwhile, so that the page sees a mouse's pointer events) onto the row now at
     * {@code place} (0-based).
     */
    void drag(String text, int place) {
        driver.executeCdpCommand("Emulation.setEmitTouchEventsForMouse", Map.of("enabled", false));
        try {
            slide(text, place, (step, x, y) -> driver.executeCdpCommand("Input.dispatchMouseEvent", Map.of(
                    "type", switch (step) {
                        case PRESS -> "mousePressed";
                        case MOVE -> "mouseMoved";
                        case RELEASE -> "mouseReleased";
                    },
                    "x", x, "y", y, "button", "left", "buttons", 1, "clickCount", 1)));
        } finally {
            driver.executeCdpCommand("Emulation.setEmitTouchEventsForMouse", Map.of("enabled", true));
        }
    }

    /** Drags it with a finger instead (touch input through the DevTools protocol): press, slide, lift. */
    void touchDrag(String text, int place) {
        slide(text, place, (step, x, y) -> driver.executeCdpCommand("Input.dispatchTouchEvent", Map.of(
                "type", switch (step) {
                    case PRESS -> "touchStart";
                    case MOVE -> "touchMove";
                    case RELEASE -> "touchEnd";
                },
                "touchPoints", step == Step.RELEASE ? List.of() : List.of(Map.of("x", x, "y", y)))));
    }

    private enum Step { PRESS, MOVE, RELEASE }

    /** One input device's press, move and release at a point of the page. */
    private interface Input {
        void send(Step step, int x, int y);
    }

    /** Presses on the item's text, slides in six moves to a quarter of a row past the target row's middle, lets go. */
    private void slide(String text, int place, Input input) {
        WebElement row = optionWithText("order-item", text).findElement(By.className("order-text"));
        WebElement target = driver.findElements(onScreen("question", "order-item")).get(place);
        int x = centreX(row);
        int from = centreY(row);
        int to = dropY(target, row);
        input.send(Step.PRESS, x, from);
        for (int i = 1; i <= 6; i++) {
            input.send(Step.MOVE, x, from + (to - from) * i / 6);
        }
        input.send(Step.RELEASE, x, to);
    }

    /** Where to let go of {@code row} to land on {@code target}: a quarter of a row beyond its middle. */
    private int dropY(WebElement target, WebElement row) {
        int quarter = target.getRect().getHeight() / 4;
        return centreY(target) + (centreY(target) < centreY(row) ? -quarter : quarter);
    }

    private int centreX(WebElement e) {
        return (int) Math.round(((Number) js("const r = arguments[0].getBoundingClientRect(); return r.left + r.width / 2", e)).doubleValue());
    }

    private int centreY(WebElement e) {
        return (int) Math.round(((Number) js("const r = arguments[0].getBoundingClientRect(); return r.top + r.height / 2", e)).doubleValue());
    }

    void type(String number) {
        WebElement input = driver.findElement(onScreen("question", "numeric-input"));
        input.clear();
        input.sendKeys(number);
        click(onScreen("question", "submit-answer"));
        awaitSent();
    }

    /** Taps the i-th tile or item (0-based) without sending anything else. */
    void tap(String testId, int i) {
        driver.findElements(onScreen("question", testId)).get(i).click();
    }

    void submit() {
        click(onScreen("question", "submit-answer"));
    }

    /** The seat token this page keeps for reloads, or null. */
    String storedSeatToken() {
        return (String) js("const s = JSON.parse(localStorage.getItem('quizroom.seat') || 'null'); return s && s.seatToken;");
    }

    /** Waits for "Answer sent", or for the result when this answer was the last one and closed the question. */
    void awaitSent() {
        waiting().withMessage(() -> "'Answer sent' or the result; the page shows " + screen() + alerts()).until(d -> {
            if ("result".equals(screen())) {
                return true;
            }
            List<WebElement> sent = d.findElements(onScreen("question", "answer-sent"));
            return !sent.isEmpty() && sent.get(0).isDisplayed() && sent.get(0).getText().contains("Answer sent");
        });
    }

    /** Waits for the result of a question and returns "verdict|points|total|rank|ahead". */
    String awaitResult() {
        awaitScreen("result");
        return text(onScreen("result", "verdict")) + "|" + text(onScreen("result", "result-points")) + "|"
                + text(onScreen("result", "total")) + "|" + text(onScreen("result", "rank")) + "|"
                + text(onScreen("result", "ahead"));
    }

    /** "rank|score" of the final screen. */
    String awaitFinal() {
        awaitScreen("final");
        return text(onScreen("final", "final-rank")) + "|" + text(onScreen("final", "final-score"));
    }

    /** True when the page has no horizontal scroll. */
    boolean fitsWidth() {
        return (Boolean) js("return document.documentElement.scrollWidth <= window.innerWidth");
    }

    /** Saves what the phone shows as phone-NAME-WIDTHxHEIGHT.png. */
    void screenshot(String name) {
        Chrome.screenshot(driver, "phone-" + name + "-" + js("return innerWidth") + "x" + js("return innerHeight"));
    }

    /** Sets the phone's screen size, as a mobile viewport (360×640 is where every test class starts). */
    void resize(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", true));
        waiting().withMessage(() -> "a " + width + "×" + height + " screen, not " + js("return screen.width + '×' + screen.height"))
                .until(d -> Long.valueOf(width).equals(js("return screen.width")) && Long.valueOf(height).equals(js("return screen.height")));
    }

    /**
     * What of the question's controls (tiles, order rows and their buttons, the number field, the send button) a
     * student cannot see without scrolling: each outside the screen, or outside the answer area's visible part, or a
     * page taller or wider than the screen. Empty when everything is in view.
     */
    @SuppressWarnings("unchecked")
    List<String> hiddenControls() {
        return (List<String>) js("""
                const out = [];
                const e = document.documentElement;
                if (e.scrollHeight > innerHeight || e.scrollWidth > innerWidth) out.push('the page scrolls');
                const screen = document.querySelector('[data-testid="screen-question"]:not([hidden])');
                const area = screen.querySelector('[data-testid="answer-area"]').getBoundingClientRect();
                const ids = ['choice', 'order-item', 'move-up', 'move-down', 'numeric-input', 'submit-answer'];
                for (const el of screen.querySelectorAll(ids.map((id) => `[data-testid="${id}"]`).join(','))) {
                  const r = el.getBoundingClientRect();
                  const clip = el.closest('[data-testid="answer-area"]') ? area : { top: 0, left: 0, bottom: innerHeight, right: innerWidth };
                  if (r.width === 0 || r.height === 0 || r.top < clip.top - 0.5 || r.left < clip.left - 0.5
                      || r.bottom > clip.bottom + 0.5 || r.right > clip.right + 0.5 || r.bottom > innerHeight + 0.5) {
                    out.push(el.dataset.testid + ' "' + el.textContent.trim().slice(0, 30) + '" at ' + Math.round(r.top) + '..' + Math.round(r.bottom));
                  }
                }
                return out;""");
    }

    /** How many of a question's controls with this test id are on the current screen. */
    int count(String testId) {
        return driver.findElements(onScreen("question", testId)).size();
    }
}
