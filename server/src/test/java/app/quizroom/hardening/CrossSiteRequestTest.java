package app.quizroom.hardening;

import app.quizroom.support.TestServer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cross-site requests: a page on another site, open in the teacher's browser on the server's own machine, posts
 * to the server. A {@code text/plain} POST needs no CORS preflight, so the browser sends it; the server refuses it
 * for its Origin (403) and its content type (415) and creates nothing. Every answer carries the security headers.
 */
class CrossSiteRequestTest {

    private static final String BODY = "{\"bankId\":\"lenin-enrolment\"}";

    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String code(TestServer.Response r) {
        return new JsonObject(r.body()).getJsonObject("error").getString("code");
    }

    private int liveRooms() {
        return new JsonObject(server.request(HttpMethod.GET, "/health", null).body()).getInteger("rooms");
    }

    @Test
    void aForeignPagesPlainTextPostCreatesNoGame() {
        String own = "http://127.0.0.1:" + server.port;
        TestServer.Response foreign = server.request(HttpMethod.POST, "/api/games", BODY,
                Map.of("Origin", "http://quiz.evil.example", "Content-Type", "text/plain;charset=UTF-8"));
        assertEquals(403, foreign.status(), foreign.body());
        assertEquals("origin_refused", code(foreign));
        TestServer.Response foreignJson = server.request(HttpMethod.POST, "/api/games", BODY,
                Map.of("Origin", "http://127.0.0.1.evil.example:" + server.port));
        assertEquals(403, foreignJson.status(), "a foreign origin is refused whatever it sends");
        assertEquals(403, server.request(HttpMethod.POST, "/api/games", BODY, Map.of("Origin", "null")).status());

        for (String type : List.of("text/plain", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "application/jsonp")) {
            TestServer.Response plain = server.request(HttpMethod.POST, "/api/games", BODY,
                    Map.of("Origin", own, "Content-Type", type));
            assertEquals(415, plain.status(), type);
            assertEquals("json_required", code(plain));
        }
        TestServer.Response lookup = server.request(HttpMethod.POST, "/api/reports/lookup", "{\"keys\":[]}",
                Map.of("Content-Type", "text/plain"));
        assertEquals(415, lookup.status(), "every POST of the API");
        assertEquals(0, liveRooms(), "nothing was created");

        // The server's own pages post JSON from their own origin; clients that are not browsers send no Origin.
        assertEquals(201, server.request(HttpMethod.POST, "/api/games", BODY,
                Map.of("Origin", own, "Content-Type", "application/json; charset=utf-8")).status());
        assertEquals(201, server.request(HttpMethod.POST, "/api/games", BODY,
                Map.of("Origin", "http://localhost:" + server.port, "Content-Type", "Application/JSON")).status());
        assertEquals(201, server.request(HttpMethod.POST, "/api/games", BODY).status());
        assertEquals(200, server.request(HttpMethod.POST, "/api/reports/lookup", "{\"keys\":[]}",
                Map.of("Origin", own)).status());
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        for (String path : List.of("/host", "/join/123456", "/reports", "/index.html", "/js/host/app.js",
                "/css/common.css", "/api/options", "/api/qr/123456.svg", "/health", "/no-such-file")) {
            TestServer.Response r = server.request(HttpMethod.GET, path, null);
            String policy = r.headers().get("Content-Security-Policy");
            assertNotNull(policy, path);
            assertEquals("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                    + "img-src 'self' data:; connect-src 'self' ws://127.0.0.1:" + server.port + " wss://127.0.0.1:"
                    + server.port + "; base-uri 'none'; form-action 'self'; frame-ancestors 'none'", policy, path);
            assertEquals("nosniff", r.headers().get("X-Content-Type-Options"), path);
            assertEquals("same-origin", r.headers().get("Referrer-Policy"), path);
            assertEquals("DENY", r.headers().get("X-Frame-Options"), path);
        }
        TestServer.Response refused = server.request(HttpMethod.POST, "/api/games", BODY,
                Map.of("Content-Type", "text/plain"));
        assertEquals("nosniff", refused.headers().get("X-Content-Type-Options"), "refusals too");
        // A Host that could add to the policy never gets a page; an odd but harmless one is not written in.
        assertEquals(400, server.request(HttpMethod.GET, "/host", null, Map.of("Host", "x.example:1;img-src *"))
                .status());
        String odd = server.request(HttpMethod.GET, "/host", null, Map.of("Host", "ex_ample:" + server.port))
                .headers().get("Content-Security-Policy");
        assertTrue(odd.contains("connect-src 'self'; "), odd);
    }
}
