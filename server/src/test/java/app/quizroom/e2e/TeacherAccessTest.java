package app.quizroom.e2e;

import app.quizroom.support.TestServer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who may create games: anyone, a few a minute, by default; only with the password when one is set. */
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
            assertTrue(new JsonObject(server.request(HttpMethod.GET, "/api/options", null).body())
                    .getBoolean("passwordRequired"));
            TestServer.Response none = server.request(HttpMethod.POST, "/api/games", BODY);
            assertEquals(401, none.status());
            assertEquals("password_required", new JsonObject(none.body()).getJsonObject("error").getString("code"));
            assertEquals(401, server.request(HttpMethod.POST, "/api/games", BODY,
                    Map.of("X-Teacher-Password", "guess")).status());
            assertEquals(201, server.request(HttpMethod.POST, "/api/games", BODY,
                    Map.of("X-Teacher-Password", "s3cret")).status());
        }
    }
}
