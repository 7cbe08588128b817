package app.quizroom.transport;

import app.quizroom.config.LanAddresses.Candidate;
import app.quizroom.support.ManualTime;
import app.quizroom.support.Started;
import app.quizroom.support.TestServer;
import app.quizroom.support.WsClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Where the join link and QR code send phones, on a server that sees a faked laptop's addresses: the best one by
 * default, another one the teacher picks, never a host the server does not have; QUIZROOM_PUBLIC_URL overrides.
 */
class JoinAddressTest {

    private static final String BODY = "{\"bankId\":\"lenin-enrolment\"}";
    private final List<Candidate> network = new ArrayList<>(List.of(new Candidate("192.168.1.20", "wlp2s0"),
            new Candidate("10.20.30.40", "enp0s31f6")));
    @RegisterExtension
    final Started started = new Started();
    private TestServer server;

    private TestServer start(Map<String, String> env) {
        ManualTime time = new ManualTime();
        server = started.keep(TestServer.start(time, time, env, () -> List.copyOf(network)));
        return server;
    }

    private TestServer.Response create(String body) {
        return server.request(HttpMethod.POST, "/api/games", body);
    }

    private static String message(TestServer.Response r) {
        return new JsonObject(r.body()).getJsonObject("error").getString("message");
    }

    @Test
    void theSetupPageIsOfferedEveryAddressWithItsInterfaceTheBestFirst() {
        start(Map.of("QUIZROOM_PUBLIC_URL", ""));
        int port = server.port;
        JsonObject choices = new JsonObject(server.request(HttpMethod.GET, "/api/join-addresses", null).body());
        assertEquals(new JsonObject().put("addresses", new JsonArray()
                        .add(new JsonObject().put("host", "192.168.1.20").put("interfaceName", "wlp2s0")
                                .put("url", "http://192.168.1.20:" + port))
                        .add(new JsonObject().put("host", "10.20.30.40").put("interfaceName", "enp0s31f6")
                                .put("url", "http://10.20.30.40:" + port)))
                        .put("configured", false), choices);
        assertEquals("http://192.168.1.20:" + port, server.server.publicUrl());

        // The laptop moved to another network: the setup page, opened again, sees it.
        network.add(0, new Candidate("172.20.10.2", "wlp2s0"));
        JsonArray again = new JsonObject(server.request(HttpMethod.GET, "/api/join-addresses", null).body())
                .getJsonArray("addresses");
        assertEquals("172.20.10.2", again.getJsonObject(0).getString("host"));
    }

    @Test
    void aGameSendsPhonesToTheAddressTheTeacherPicked() {
        start(Map.of("QUIZROOM_PUBLIC_URL", ""));
        int port = server.port;
        JsonObject byDefault = new JsonObject(create(BODY).body());
        assertEquals("http://192.168.1.20:" + port + "/join/" + byDefault.getString("pin"),
                byDefault.getString("joinUrl"));
        assertEquals("/api/qr/" + byDefault.getString("pin") + ".svg", byDefault.getString("qrUrl"));

        JsonObject picked = new JsonObject(create("{\"bankId\":\"lenin-enrolment\",\"joinHost\":\"10.20.30.40\"}")
                .body());
        String pin = picked.getString("pin");
        String joinUrl = "http://10.20.30.40:" + port + "/join/" + pin;
        assertEquals(joinUrl, picked.getString("joinUrl"));
        assertEquals("/api/qr/" + pin + ".svg?host=10.20.30.40", picked.getString("qrUrl"));
        TestServer.Response qr = server.request(HttpMethod.GET, picked.getString("qrUrl"), null);
        assertEquals(200, qr.status());
        assertEquals(QrCodes.svg(joinUrl), qr.body(), "the QR code holds the picked address");

        // The projector's lobby, and a projector that reattaches, get the same address.
        try (WsClient host = server.client()) {
            host.send(new JsonObject().put("type", "host").put("pin", pin).put("hostToken", picked.getString("hostToken")));
            JsonObject hosting = host.await("hosting");
            assertEquals(joinUrl, hosting.getString("joinUrl"));
            assertEquals(picked.getString("qrUrl"), hosting.getString("qrUrl"));
        }
    }

    @Test
    void aClientCannotPointTheQrCodeAtAHostOfItsChoosing() {
        start(Map.of("QUIZROOM_PUBLIC_URL", ""));
        for (String joinHost : List.of("\"evil.example\"", "\"10.20.30.4\"", "\"127.0.0.1\"", "5", "true", "[]")) {
            TestServer.Response r = create("{\"bankId\":\"lenin-enrolment\",\"joinHost\":" + joinHost + "}");
            assertEquals(400, r.status(), joinHost);
            assertEquals("'joinHost' must be one of the hosts that /api/join-addresses lists", message(r));
        }
        assertEquals(201, create("{\"bankId\":\"lenin-enrolment\",\"joinHost\":null}").status(), "null: the default");
        TestServer.Response qr = server.request(HttpMethod.GET, "/api/qr/123456.svg?host=evil.example", null);
        assertEquals(400, qr.status());
        assertEquals("That host is not a join address of this server.", message(qr));
        assertFalse(qr.body().contains("<svg"));
    }

    @Test
    void aConfiguredPublicUrlIsTheOnlyAddress() {
        start(Map.of("QUIZROOM_PUBLIC_URL", "https://quiz.school.example/"));
        JsonObject choices = new JsonObject(server.request(HttpMethod.GET, "/api/join-addresses", null).body());
        assertEquals(new JsonObject().put("addresses", new JsonArray().add(new JsonObject()
                .put("host", "quiz.school.example").putNull("interfaceName").put("url", "https://quiz.school.example")))
                .put("configured", true), choices);
        assertEquals(400, create("{\"bankId\":\"lenin-enrolment\",\"joinHost\":\"192.168.1.20\"}").status());
        JsonObject game = new JsonObject(create("{\"bankId\":\"lenin-enrolment\",\"joinHost\":\"quiz.school.example\"}")
                .body());
        assertEquals("https://quiz.school.example/join/" + game.getString("pin"), game.getString("joinUrl"));
        assertEquals("/api/qr/" + game.getString("pin") + ".svg", game.getString("qrUrl"));
    }
}
