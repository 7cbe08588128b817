package app.quizroom.browser;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.chrome.ChromeDriver;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The pages put the room's PIN in the WebSocket URL ({@code /ws?pin=123456}) so that a load balancer hashing on it
 * sends a room's sockets to one node: the projector on every socket it opens, a phone once it has the PIN.
 */
@Tag("browser")
class SocketUrlBrowserTest {

    /** Runs before the page's scripts: keeps the URL of every WebSocket the page opens. */
    private static final String RECORD_SOCKETS = "(() => { const Native = window.WebSocket; window.__sockets = [];"
            + " window.WebSocket = class extends Native { constructor(url, protocols) { super(url, protocols);"
            + " window.__sockets.push(String(url)); } }; })();";

    @RegisterExtension
    static final BrowserFixture browser = BrowserFixture.withTestBank();

    private static void recordSockets(ChromeDriver driver) {
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORD_SOCKETS));
    }

    @SuppressWarnings("unchecked")
    private static List<String> sockets(ChromeDriver driver) {
        return (List<String>) driver.executeScript("return window.__sockets || [];");
    }

    @Test
    void theProjectorAndAPhoneConnectWithTheRoomsPinInTheUrl(Projector projector, Phone phone) {
        recordSockets(projector.driver);
        recordSockets(phone.driver);
        projector.open().setUpGame(TestBank.TITLE, 0);
        String pin = projector.submitGame();
        projector.waiting().withMessage("the projector's socket").until(d -> !sockets(projector.driver).isEmpty());

        phone.open(pin).fill(pin, "Ann").submitJoin();
        phone.awaitScreen("lobby");
        projector.awaitPlayers(1);

        String expected = "/ws?pin=" + pin;
        for (ChromeDriver driver : List.of(projector.driver, phone.driver)) {
            List<String> urls = sockets(driver);
            assertFalse(urls.isEmpty());
            urls.forEach(url -> assertEquals(expected, url.substring(url.indexOf("/ws")), url));
        }
    }
}
