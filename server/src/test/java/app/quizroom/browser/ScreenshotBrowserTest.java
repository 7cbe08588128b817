package app.quizroom.browser;

import app.quizroom.config.Limits;
import app.quizroom.support.TestServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Plays the start of a bundled bank (numeric, order, multi and single questions, with real prompt lengths) and saves
 * what the projector shows at 1280×720 and 1920×1080 and what a phone shows at 360×640 and 320×568, under
 * server/target/screenshots/, for a person to look at; then the game's report, the list of reports and the bank
 * editor. It also checks what a look would: no sideways scrolling on the phone, nothing on the projector set in type
 * smaller than 24 px, and no serious or critical axe violation on any screen it saves.
 */
@Tag("browser")
class ScreenshotBrowserTest {

    private static final String BANK = "Stalin's Power Base";
    /** A bank of its own, so the screens shot stay the same whatever the bundled banks become. */
    private static final String BANK_FILE = """
            id: screenshot-power-base
            title: "Stalin's Power Base"
            description: "Stalin's posts from 1917 to 1922 and what each gave him."
            topic: "Stalin's rise to power, 1924–29"
            timeLimit: 20
            questions:
              - id: general-secretary-year
                type: numeric
                prompt: "In which year was Stalin elected General Secretary of the Party?"
                answer: 1922
                explanation: "Stalin was elected General Secretary in April 1922, a post meant to be administrative."
                skill: recall
              - id: posts-order
                type: order
                prompt: "Put these posts of Stalin's in the order he took them up."
                items:
                  - "People's Commissar for Nationalities"
                  - "Member of the Politburo and the Orgburo"
                  - "General Secretary of the Party"
                timeLimit: 30
                explanation: "Commissar for Nationalities in 1917, Politburo and Orgburo in 1919, General Secretary in 1922."
                skill: chronology
              - id: posts-of-1919
                type: multi
                prompt: "Which of these posts did Stalin hold in 1919? Choose all that apply."
                options:
                  - "Member of the Orgburo"
                  - text: "Commissar for War"
                    explanation: "That was Trotsky, who built the Red Army."
                  - "People's Commissar of State Control"
                  - text: "Head of the Comintern"
                    explanation: "That was Zinoviev."
                answer: ["Member of the Orgburo", "People's Commissar of State Control"]
                timeLimit: 30
                explanation: "In 1919 Stalin joined the Orgburo (and the Politburo) and took over State Control."
                skill: recall
              - id: general-secretary-power
                type: single
                prompt: "Why did the post of General Secretary become the most powerful in the Party?"
                options:
                  - "Control of personnel files and Party appointments"
                  - text: "Management of ethnic minority affairs"
                    explanation: "That was his work as Commissar for Nationalities from 1917."
                  - text: "Command of the Red Army in the Civil War"
                    explanation: "Trotsky built and led the Red Army as Commissar for War."
                  - text: "The chairmanship of the Council of People's Commissars"
                    explanation: "Lenin chaired Sovnarkom, and after him Rykov."
                answer: "Control of personnel files and Party appointments"
                points: double
                explanation: "Appointments made local secretaries loyal to Stalin, and they chose the delegates who voted at Congresses."
                skill: causation
            """;

    // A LAN-looking join address, as a classroom would see it (phones here open the test server directly).
    @RegisterExtension
    static final BrowserFixture browser = BrowserFixture.withBank("power-base.yaml", BANK_FILE,
            Map.of("QUIZROOM_PUBLIC_URL", "http://192.168.1.20:8080"));

    private final Projector projector = browser.projector();
    private final List<Phone> phones = browser.phones();

    /**
     * Saves both sizes, checking first that each fits the screen, that no text is under 24 px at 1280×720 and that
     * axe finds nothing serious there.
     */
    private void projectorShot(String name) {
        projector.resize(1920, 1080);
        assertTrue(projector.fitsScreen(), "the projector's " + name + " screen scrolls at 1920×1080");
        Chrome.screenshot(projector.driver, "projector-" + name + "-1920x1080");
        projector.resize(1280, 720);
        assertTrue(projector.fitsScreen(), "the projector's " + name + " screen scrolls at 1280×720");
        long smallest = (long) Math.floor(projector.smallestText());
        assertTrue(smallest >= 24, "text of " + smallest + " px on the projector's " + name + " screen");
        projector.assertAccessible("the projector's " + name + " screen");
        Chrome.screenshot(projector.driver, "projector-" + name + "-1280x720");
    }

    /** The projector moves on to question {@code number}; after the two seconds of reading, answers open. */
    private void nextQuestion(int number) {
        projector.next("Next question");
        projector.awaitQuestion(number);
        browser.time().advance(2000);
        phones.forEach(p -> p.awaitAnswering(number));
    }

    /** The projector's reveal of a question of this kind and one phone's result, each shot as they show. */
    private void revealShots(String kind, Phone phone, String result) {
        projector.awaitScreen("reveal");
        projectorShot("reveal-" + kind);
        phone.awaitResult();
        phoneShot(phone, result);
    }

    /**
     * Saves the phone's screen at 360×640 and at 320×568, checking first that neither scrolls sideways and that axe
     * finds nothing serious at either size.
     */
    private void phoneShot(Phone phone, String name) {
        assertTrue(phone.fitsWidth(), "the phone's " + name + " screen scrolls sideways");
        phone.assertAccessible("the phone's " + name + " screen");
        phone.screenshot(name);
        phone.resize(320, 568);
        try {
            assertTrue(phone.fitsWidth(), "the phone's " + name + " screen scrolls sideways at 320 px");
            phone.assertAccessible("the phone's " + name + " screen");
            phone.screenshot(name);
        } finally {
            phone.resize(360, 640);
        }
    }

    /** The finished game's report and the list of reports, then the editor's list and a bank of every type. */
    private void reportAndEditor() {
        String report = projector.driver.findElement(Page.onScreen("podium", "open-report")).getDomAttribute("href");
        projector.driver.get(browser.baseUrl() + report);
        projector.awaitScreen("report");
        projector.awaitText(Page.testId("report-title"), BANK);
        projector.assertAccessible("the report");
        Chrome.fullPageScreenshot(projector.driver, "report-1280", 1280, 720);
        projector.click(Page.testId("back-to-list"));
        projector.awaitScreen("list");
        projector.awaitText(Page.testId("game-bank"), BANK);
        projector.assertAccessible("the list of reports");
        Chrome.screenshot(projector.driver, "report-list-1280x720");

        Editor editor = new Editor(projector.driver, browser.baseUrl());
        editor.open();
        editor.waiting().until(d -> d.findElement(Page.testId("new-bank")).isDisplayed());
        editor.assertAccessible("the editor's list of banks");
        Chrome.screenshot(editor.driver, "editor-list-1280x720");
        editor.newBank("Every type");
        for (String type : List.of("single", "multi", "truefalse", "order", "numeric", "poll")) {
            editor.add(type);
        }
        editor.awaitSummary("Not ready to save");
        editor.assertAccessible("the editor with a question of each type");
        Chrome.fullPageScreenshot(editor.driver, "editor-every-type-1280", 1280, 720);
    }

    @Test
    void everyScreenIsSavedAsAScreenshotAtProjectorAndPhoneSizes() {
        projector.open();
        projector.awaitScreen("setup");
        projector.waiting().until(d -> !d.findElements(Page.testId("bank")).isEmpty());
        projector.assertAccessible("the projector's setup screen");
        projector.screenshots("setup");
        String pin = projector.createGame(BANK, 2);

        phones.get(0).open(null);
        phoneShot(phones.get(0), "join-empty");
        phones.get(0).open(pin);
        phoneShot(phones.get(0), "join-by-link");
        phones.get(0).fill(pin, "Anastasia");
        phoneShot(phones.get(0), "join");
        phones.get(0).submitJoin();
        phones.get(0).awaitScreen("lobby");
        phoneShot(phones.get(0), "lobby");
        phones.get(1).open(pin).join(pin, "Bo");
        phones.get(2).open(pin).join(pin, "Chidinma Okonkwo-Lee");
        projector.awaitPlayers(3);
        projector.waiting().until(d -> (Boolean) projector.js(
                "const i = document.querySelector('.qr'); return i.complete && i.naturalWidth > 0"));
        projectorShot("lobby");

        // 1. numeric
        projector.start();
        projector.awaitQuestion(1);
        projectorShot("intro");
        phoneShot(phones.get(0), "intro");
        browser.time().advance(2000);
        phones.forEach(p -> p.awaitAnswering(1));
        phones.get(0).type("1922");
        browser.time().advance(3000);
        projector.awaitText(Page.onScreen("question", "answer-count"), "1 of 3 answered");
        projectorShot("question-numeric");
        phoneShot(phones.get(1), "question-numeric");
        phones.get(1).type("1922");
        phones.get(2).type("1919");
        revealShots("numeric", phones.get(0), "result-right");
        phones.get(2).awaitResult();
        phoneShot(phones.get(2), "result-wrong");
        projector.next("Show leaderboard");
        projector.awaitScreen("leaderboard");

        // 2. order: one phone moves an item, then everyone sends an order of their own
        nextQuestion(2);
        List<String> posts = List.of("People's Commissar for Nationalities", "Member of the Politburo and the Orgburo",
                "General Secretary of the Party");
        phones.get(0).moveUp(phones.get(0).arrangement().get(2));
        phoneShot(phones.get(0), "question-order");
        projectorShot("question-order");
        phones.get(0).order(posts);
        phoneShot(phones.get(0), "answer-sent");
        phones.get(1).order(List.of(posts.get(2), posts.get(1), posts.get(0)));
        phones.get(2).submit();
        phones.get(2).awaitSent();
        revealShots("order", phones.get(1), "result-order");
        projector.next("Show leaderboard");

        // 3. multi
        nextQuestion(3);
        phones.get(0).tap("choice", 0);
        phones.get(0).tap("choice", 2);
        phoneShot(phones.get(0), "question-multi");
        projectorShot("question-multi");
        phones.get(0).submit();
        phones.get(0).awaitSent();
        phones.get(1).chooseAll(List.of("Member of the Orgburo", "People's Commissar of State Control"));
        browser.time().advance(4000);
        phones.get(2).chooseAll(List.of("Member of the Orgburo"));
        projector.awaitScreen("reveal");
        projectorShot("reveal-multi");
        projector.next("Show leaderboard");
        projector.awaitScreen("leaderboard");
        projectorShot("leaderboard");

        // 4. single choice, double points, with explanations of the wrong options
        nextQuestion(4);
        projectorShot("question-single");
        phoneShot(phones.get(2), "question-single");
        phones.get(0).choose("Control of personnel files and Party appointments");
        browser.time().advance(1000);
        phones.get(1).choose("Management of ethnic minority affairs");
        phones.get(2).choose("Management of ethnic minority affairs");
        revealShots("single", phones.get(2), "result-single");

        // The teacher ends early: podium, and each phone's final standing.
        projector.click(Page.onScreen("reveal", "end"));
        projector.click(Page.onScreen("reveal", "end"));
        projector.awaitScreen("podium");
        projector.awaitPodiumRevealed();
        projectorShot("podium");
        browser.time().advance(Limits.PODIUM_REVEAL_MS); // the server's side of the podium's reveal
        phones.get(1).awaitFinal();
        phoneShot(phones.get(1), "final");
        projector.next("Finish game");
        projector.awaitText(Page.onScreen("podium", "game-over"), "The game is over.");
        projector.assertAccessible("the projector's game-over screen");
        projector.screenshots("game-over");

        reportAndEditor();
        assertTrue(Files.isRegularFile(TestServer.projectRoot().resolve("server/target/screenshots/projector-podium-1920x1080.png")));
    }
}
