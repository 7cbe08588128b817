package app.quizroom.browser;

import app.quizroom.config.LanAddresses.Candidate;
import app.quizroom.support.ManualTime;
import app.quizroom.support.TestServer;
import app.quizroom.support.WsClient;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The join address on the projector, on a laptop (faked) whose Wi-Fi and cable both have addresses: the setup screen
 * offers each with its interface, the lobby and its QR code use the one picked, and this browser remembers it. The
 * address breaks before the PIN, never inside it, and long names stay inside their team column.
 */
@Tag("browser")
class JoinAddressBrowserTest {

    private static final String WIDE_NAME = "WWWWWWWWWWWWWWWWWWWW";

    @RegisterExtension
    static final BrowserFixture browser = BrowserFixture.withTestBankOn(List.of(
            new Candidate("192.168.1.20", "wlp2s0"), new Candidate("10.20.30.40", "enp0s31f6")));

    private final Projector projector = browser.projector();

    private List<String> offered() {
        return new Select(projector.driver.findElement(Page.testId("join-host"))).getOptions().stream()
                .map(WebElement::getText).toList();
    }

    private String picked() {
        return new Select(projector.driver.findElement(Page.testId("join-host"))).getFirstSelectedOption().getText();
    }

    @Test
    void theSetupScreenOffersEveryAddressAndTheLobbyShowsThePickedOne() {
        int port = browser.server().port;
        projector.open().setUpGame(TestBank.TITLE, 0);
        projector.waiting().until(d -> offered().size() == 2);
        assertEquals(List.of("http://192.168.1.20:" + port + " (wlp2s0)", "http://10.20.30.40:" + port + " (enp0s31f6)"),
                offered(), "every address, with its interface, the default route's first");
        assertEquals("http://192.168.1.20:" + port + " (wlp2s0)", picked());
        new Select(projector.driver.findElement(Page.testId("join-host"))).selectByValue("10.20.30.40");
        projector.assertAccessible("the setup with join addresses to pick");
        projector.screenshots("setup-join-address");
        String pin = projector.submitGame();

        String joinUrl = "http://10.20.30.40:" + port + "/join/" + pin;
        assertEquals(joinUrl, projector.text(Page.onScreen("lobby", "join-url")));
        WebElement qr = projector.driver.findElement(By.cssSelector("[data-testid=\"screen-lobby\"] img.qr"));
        assertEquals("/api/qr/" + pin + ".svg?host=10.20.30.40", qr.getDomAttribute("src"));
        assertEquals("QR code that opens " + joinUrl, qr.getDomAttribute("alt"));
        projector.waiting().withMessage("the QR code to load").until(d ->
                Long.valueOf(300).equals(projector.js("return arguments[0].naturalWidth > 0 ? 300 : 0", qr)));

        // The next game from this browser starts from the same pick.
        projector.js("localStorage.removeItem('quizroom.host')");
        projector.open().awaitScreen("setup");
        projector.waiting().until(d -> offered().size() == 2);
        assertEquals("http://10.20.30.40:" + port + " (enp0s31f6)", picked(), "remembered by this browser");
    }

    @Test
    void aLongJoinAddressBreaksBeforeThePinAndWideNamesStayInTheirTeamColumns() {
        ManualTime time = new ManualTime();
        try (TestServer school = BrowserFixture.startServer(time, Map.of("QUIZROOM_BANKS", TestBank.write().toString(),
                "QUIZROOM_PUBLIC_URL", "http://quizroom-projector.history-department.school.example:0"))) {
            Projector teacher = browser.projectorOn(school);
            teacher.resize(1280, 720);
            teacher.open().setUpGame(TestBank.TITLE, 0);
            teacher.teams(2, false, null, 0);
            String pin = teacher.submitGame();
            List<WsClient> players = new ArrayList<>();
            try {
                for (String name : List.of(WIDE_NAME, "Ann", "Bob", "MMMMMMMMMMMMMMMMMMMM")) {
                    WsClient phone = school.client();
                    phone.send(new JsonObject().put("type", "join").put("pin", pin).put("name", name));
                    phone.await("joined");
                    players.add(phone);
                }
                teacher.awaitPlayers(4);
                teacher.assertAccessible("the lobby with wide names");
                teacher.screenshots("lobby-wide-names");

                // The PIN is on one line, and the address broke before it, not inside it.
                String joinUrl = teacher.text(Page.onScreen("lobby", "join-url"));
                assertEquals("http://quizroom-projector.history-department.school.example:" + school.port + "/join/"
                        + pin, joinUrl.replace("\n", ""));
                WebElement pinPart = teacher.driver.findElement(Page.onScreen("lobby", "join-url-pin"));
                assertEquals(pin, pinPart.getText());
                assertEquals(1L, teacher.js("return arguments[0].getClientRects().length", pinPart),
                        "the PIN is on one line");
                assertTrue((Boolean) teacher.js("const p = arguments[0], b = p.parentElement.querySelector('.join-base');"
                        + " return p.getBoundingClientRect().top > b.getClientRects()[0].top;", pinPart),
                        "an address this long takes more than one line here, so the test means something");

                // Each name's button lies inside its own column, so no name covers the next column's buttons.
                List<WebElement> columns = teacher.driver.findElements(Page.onScreen("lobby", "team-column"));
                assertEquals(2, columns.size());
                for (WebElement column : columns) {
                    for (WebElement button : column.findElements(By.className("name-button"))) {
                        assertTrue((Boolean) teacher.js("const c = arguments[0].getBoundingClientRect(),"
                                + " b = arguments[1].getBoundingClientRect();"
                                + " return b.left >= c.left - 0.5 && b.right <= c.right + 0.5;", column, button),
                                button.getDomAttribute("title") + " stays inside its column");
                    }
                }
                WebElement wide = teacher.playerButton(WIDE_NAME);
                assertEquals(WIDE_NAME, wide.getDomAttribute("title"), "the whole name on hover");
                assertTrue((Boolean) teacher.js("const n = arguments[0].querySelector('.name');"
                        + " return n.scrollWidth > n.clientWidth && getComputedStyle(n).textOverflow === 'ellipsis';",
                        wide), "the wide name is cut short with an ellipsis");
                assertEquals("isolate", teacher.js("return getComputedStyle(arguments[0].querySelector('.name')).unicodeBidi",
                        wide), "a player's name is isolated from the text around it");
            } finally {
                players.forEach(WsClient::close);
            }
        }
    }
}
