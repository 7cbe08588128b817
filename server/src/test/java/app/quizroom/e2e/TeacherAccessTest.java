package app.quizroom.e2e;

import app.quizroom.config.Config;
import app.quizroom.support.TestServer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Who may create games: with a configured password, whoever sends it; without one, a browser on the server's own
 * machine, or anyone sending the password the server generated; and without a configured password a few a minute.
 */
class TeacherAccessTest {

    private static final String BODY = "{\"bankId\":\"lenin-enrolment\"}";

    @Test
    void withoutAPasswordGameCreationIsOpenButRateLimited() {
        try (TestServer server = TestServer.start(Map.of("QUIZROOM_GAMES_PER_MINUTE", "3"))) {
            for (int i = 0; i < 3; i++) {
                assertEquals(201, server.request(HttpMethod.POST, "/api/games", BODY).status());
            }
            TestServer.Response refused = server.request(HttpMethod.POST, "/api/games", BODY);
            assertEquals(429, refused.status());
            assertEquals("too_many_games", new JsonObject(refused.body()).getJsonObject("error").getString("code"));
            assertEquals(false, new JsonObject(server.request(HttpMethod.GET, "/api/options", null).body())
                    .getBoolean("passwordRequired"));
        }
    }

    @Test
    void withAPasswordOnlyTheTeacherCreatesGames() {
        try (TestServer server = TestServer.start(Map.of("QUIZROOM_TEACHER_PASSWORD", "s3cret"))) {
            JsonObject options = new JsonObject(server.request(HttpMethod.GET, "/api/options", null).body());
            assertTrue(options.getBoolean("passwordRequired"), "a configured password is asked of this machine too");
            assertNull(options.getString("teacherPassword"), "a configured password is never sent");
            TestServer.Response none = server.request(HttpMethod.POST, "/api/games", BODY);
            assertEquals(401, none.status());
            assertEquals("password_required", new JsonObject(none.body()).getJsonObject("error").getString("code"));
            assertEquals(401, server.request(HttpMethod.POST, "/api/games", BODY,
                    Map.of("X-Teacher-Password", "guess")).status());
            assertEquals(201, server.request(HttpMethod.POST, "/api/games", BODY,
                    Map.of("X-Teacher-Password", "s3cret")).status());
            assertNull(server.server.generatedTeacherPassword());
        }
    }

    /**
     * The attack: a student's laptop on the class network creates a game for the class's bank, hosts it alone and
     * reads every solution. The server listens on every interface and the student's requests come, over a real
     * socket, from the machine's own network address, which is not loopback.
     */
    @Test
    void anotherComputerCannotCreateGamesWithoutTheGeneratedPassword(@TempDir Path data) throws IOException {
        String lan = Config.lanAddress();
        assumeFalse(lan.equals("127.0.0.1"), "this machine has no network address besides loopback");
        try (TestServer server = TestServer.start(Map.of("QUIZROOM_BIND", "0.0.0.0",
                "QUIZROOM_DB", data.resolve("results.db").toString()))) {
            String password = Files.readString(data.resolve("results.db.teacher-password")).strip();

            TestServer.Response refused = server.request(lan, HttpMethod.POST, "/api/games", BODY, Map.of());
            assertEquals(401, refused.status(), refused.body());
            assertEquals("password_required", new JsonObject(refused.body()).getJsonObject("error").getString("code"));
            assertFalse(refused.body().contains("hostToken"));
            assertEquals(401, server.request(lan, HttpMethod.POST, "/api/games", BODY,
                    Map.of("X-Teacher-Password", password + "x")).status());
            assertEquals(401, server.request(lan, HttpMethod.GET, "/api/reports", null, Map.of()).status());
            JsonObject remoteOptions = new JsonObject(server.request(lan, HttpMethod.GET, "/api/options", null,
                    Map.of()).body());
            assertTrue(remoteOptions.getBoolean("passwordRequired"));
            assertTrue(remoteOptions.containsKey("teacherPassword"));
            assertNull(remoteOptions.getString("teacherPassword"), "the password is never shown to another computer");

            // The teacher who typed the password in (read off the server's screen) gets in from there.
            TestServer.Response created = server.request(lan, HttpMethod.POST, "/api/games", BODY,
                    Map.of("X-Teacher-Password", password));
            assertEquals(201, created.status(), created.body());
            assertEquals(200, server.request(lan, HttpMethod.GET, "/api/reports", null,
                    Map.of("X-Teacher-Password", password)).status());

            // The browser on the server's own machine needs nothing and is shown the password to pass on.
            JsonObject localOptions = new JsonObject(server.request(HttpMethod.GET, "/api/options", null).body());
            assertFalse(localOptions.getBoolean("passwordRequired"));
            assertEquals(password, localOptions.getString("teacherPassword"));
            assertEquals(password, server.server.generatedTeacherPassword());
            assertEquals(201, server.request(HttpMethod.POST, "/api/games", BODY).status());
        }
    }

    /**
     * A page elsewhere that points its own name at 127.0.0.1 (DNS rebinding) reaches the server from loopback but
     * names its own host; a reverse proxy on the server's machine forwards others' requests from loopback. Neither
     * is the server's own machine.
     */
    @Test
    void loopbackRequestsThatNameAnotherHostOrCameThroughAProxyNeedThePassword() {
        try (TestServer server = TestServer.start()) {
            for (Map<String, String> headers : java.util.List.of(
                    Map.of("Host", "quiz.evil.example:" + server.port),
                    Map.of("X-Forwarded-For", "192.0.2.99"),
                    Map.of("Forwarded", "for=192.0.2.99"),
                    Map.of("X-Real-IP", "192.0.2.99"))) {
                JsonObject options = new JsonObject(server.request(HttpMethod.GET, "/api/options", null, headers)
                        .body());
                assertTrue(options.getBoolean("passwordRequired"), headers.toString());
                assertNull(options.getString("teacherPassword"), headers.toString());
                assertEquals(401, server.request(HttpMethod.POST, "/api/games", BODY, headers).status(),
                        headers.toString());
                assertEquals(401, server.request(HttpMethod.GET, "/api/reports", null, headers).status(),
                        headers.toString());
            }
            assertEquals(201, server.request(HttpMethod.POST, "/api/games", BODY,
                    Map.of("X-Forwarded-For", "192.0.2.99",
                            "X-Teacher-Password", server.server.generatedTeacherPassword())).status());
        }
    }

    @Test
    void theGeneratedPasswordIsKeptBesideTheDatabaseForItsOwnerAloneAndSurvivesARestart(@TempDir Path data)
            throws IOException {
        Map<String, String> env = Map.of("QUIZROOM_DB", data.resolve("class/results.db").toString());
        String first;
        try (TestServer server = TestServer.start(env)) {
            first = server.server.generatedTeacherPassword();
            assertNotNull(first);
            assertTrue(first.matches("[2-9a-hjkmnp-z]{4}-[2-9a-hjkmnp-z]{4}-[2-9a-hjkmnp-z]{4}"), first);
        }
        Path file = data.resolve("class/results.db.teacher-password");
        assertEquals(first, Files.readString(file).strip());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (TestServer again = TestServer.start(env)) {
            assertEquals(first, again.server.generatedTeacherPassword(), "the same password after a restart");
        }
    }
}
