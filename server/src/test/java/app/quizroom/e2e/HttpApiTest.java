package app.quizroom.e2e;

import app.quizroom.metrics.MetricNames;
import app.quizroom.support.TestServer;
import app.quizroom.support.WsClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HTTP API over a real connection: banks, game creation and its refusals, QR codes, health and metrics. */
class HttpApiTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void banksAreListedWithTheirSizeAndTime() {
        TestServer.Response r = server.request(HttpMethod.GET, "/api/banks", null);
        assertEquals(200, r.status());
        JsonArray banks = new JsonArray(r.body());
        assertEquals(server.banks.size(), banks.size());
        JsonObject first = banks.getJsonObject(0);
        assertEquals("lenins-testament", first.getString("id"));
        assertEquals("Lenin's Testament", first.getString("title"));
        assertEquals(server.bank("lenins-testament").questions().size(), first.getInteger("questionCount"));
        assertTrue(first.getInteger("estimatedMinutes") > 0);
    }

    @Test
    void aGameGetsAFreshSixDigitPinAndAStrongHostToken() {
        Set<String> pins = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            JsonObject game = server.createGame(new JsonObject().put("bankId", "lenin-enrolment"));
            assertTrue(game.getString("pin").matches("\\d{6}"));
            assertTrue(pins.add(game.getString("pin")), "PINs are unique among live rooms");
            assertTrue(game.getString("hostToken").length() >= 22, "at least 128 bits");
            assertEquals("http://127.0.0.1:" + server.port + "/join/" + game.getString("pin"), game.getString("joinUrl"),
                    "the join address carries the port actually bound");
        }
    }

    @Test
    void badGameRequestsAreRefusedWithAReason() {
        TestServer.Response unknown = server.request(HttpMethod.POST, "/api/games", "{\"bankId\":\"nope\"}");
        assertEquals(404, unknown.status());
        assertEquals("bank_not_found", new JsonObject(unknown.body()).getJsonObject("error").getString("code"));
        TestServer.Response badTime = server.request(HttpMethod.POST, "/api/games",
                "{\"bankId\":\"lenin-enrolment\",\"timeLimit\":1}");
        assertEquals(400, badTime.status());
        assertTrue(new JsonObject(badTime.body()).getJsonObject("error").getString("message").contains("timeLimit"));
        assertEquals(400, server.request(HttpMethod.POST, "/api/games", "{\"bankId\":\"lenin-enrolment\",\"scoring\":\"fastest\"}").status());
        assertEquals(400, server.request(HttpMethod.POST, "/api/games", "{\"bankId\":\"lenin-enrolment\",\"streakBonus\":\"yes\"}").status());
        assertEquals(400, server.request(HttpMethod.POST, "/api/games", "not json").status());
    }

    @Test
    void theQrCodeIsAnSvgImage() {
        TestServer.Response qr = server.request(HttpMethod.GET, "/api/qr/123456.svg", null);
        assertEquals(200, qr.status());
        assertEquals("image/svg+xml", qr.contentType());
        assertTrue(qr.body().startsWith("<svg"));
        assertTrue(qr.body().contains("<path"));
        assertNotEquals(qr.body(), server.request(HttpMethod.GET, "/api/qr/654321.svg", null).body());
        assertEquals(400, server.request(HttpMethod.GET, "/api/qr/12.svg", null).status());
    }

    @Test
    void healthAndMetricsAnswer() {
        JsonObject game = server.createGame(new JsonObject().put("bankId", "lenin-enrolment"));
        try (WsClient p = server.connect()) {
            p.send(new JsonObject().put("type", "join").put("pin", game.getString("pin")).put("name", "Metric"));
            p.await("joined");
            JsonObject health = new JsonObject(server.request(HttpMethod.GET, "/health", null).body());
            assertEquals("ok", health.getString("status"));
            assertTrue(health.getInteger("rooms") >= 1);
            assertTrue(health.getInteger("players") >= 1);
            p.send(new JsonObject().put("type", "answer").put("question", 0).put("option", 0));
            p.awaitError();
            String metrics = server.metrics();
            assertTrue(metrics.contains(MetricNames.ROOMS_LIVE.replace('.', '_')), metrics);
            assertTrue(metrics.contains(MetricNames.PLAYERS_CONNECTED.replace('.', '_')));
            assertTrue(metrics.contains(MetricNames.ANSWERS_REFUSED.replace('.', '_') + "_total{reason=\"too_early\"}"));
            assertTrue(metrics.contains("vertx_http_server_requests"), "Vert.x's own HTTP metrics are published");
        }
    }
}
