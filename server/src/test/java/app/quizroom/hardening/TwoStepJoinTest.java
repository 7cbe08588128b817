package app.quizroom.hardening;

import app.quizroom.config.Limits;
import app.quizroom.support.HostedGame;
import app.quizroom.support.ManualTime;
import app.quizroom.support.TestServer;
import app.quizroom.support.WsClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two-step join over real sockets: with the game option {@code twoStepJoin}, a join must carry the pattern of
 * shapes the projector shows, which changes every 30 s. A bot that has the PIN (a scan found it, or it was posted
 * online) but cannot see the projector does not get in: guessing the pattern costs its address more time with each
 * wrong guess, while the class, elsewhere, joins. The server runs on the test's clock.
 */
class TwoStepJoinTest {

    private static final String BOT = "127.0.0.2";

    private final ManualTime time = new ManualTime();
    @RegisterExtension
    final TestServer server = TestServer.start(time);
    private final HostedGame game = HostedGame.create(server,
            new JsonObject().put("bankId", "lenin-enrolment").put("twoStepJoin", true));
    private final WsClient host = game.host();

    /** The pattern the projector shows now. */
    private JsonArray shown() {
        return host.await("joinPattern").getJsonArray("pattern");
    }

    private static JsonObject join(String pin, String name, JsonArray pattern) {
        JsonObject join = new JsonObject().put("type", "join").put("pin", pin).put("name", name);
        return pattern == null ? join : join.put("pattern", pattern);
    }

    /** Every pattern there is, in order. */
    private static List<JsonArray> everyPattern() {
        List<JsonArray> all = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            all.add(new JsonArray().add(i & 3).add((i >> 2) & 3).add((i >> 4) & 3).add((i >> 6) & 3));
        }
        return all;
    }

    @Test
    void theOptionIsOffByDefaultAndChosenWhenTheGameIsCreated() {
        JsonObject defaults = new JsonObject(server.request(HttpMethod.GET, "/api/options", null).body())
                .getJsonObject("defaults");
        assertEquals(false, defaults.getBoolean("twoStepJoin"));
        assertEquals(true, game.hosting().getJsonObject("settings").getBoolean("twoStepJoin"));
        TestServer.Response refused = server.request(HttpMethod.POST, "/api/games",
                new JsonObject().put("bankId", "lenin-enrolment").put("twoStepJoin", "yes").encode());
        assertEquals(400, refused.status());
        assertTrue(refused.body().contains("'twoStepJoin' must be true or false"), refused.body());

        // Without the option, a join needs no pattern (and one sent is not looked at).
        HostedGame plain = HostedGame.create(server, new JsonObject().put("bankId", "lenin-enrolment"));
        assertEquals(false, plain.hosting().getJsonObject("settings").getBoolean("twoStepJoin"));
        WsClient ana = server.client();
        ana.send(join(plain.pin, "Ana", new JsonArray().add(0).add(0).add(0).add(0)));
        ana.await("joined");
    }

    @Test
    void aPhoneJoinsWithThePinAndThenThePatternOnTheProjectorWhichChangesEveryThirtySeconds() {
        JsonArray first = shown();
        WsClient ana = server.client();
        ana.send(join(game.pin, "Ana", null));
        JsonObject asked = ana.await("error");
        assertEquals("pattern_required", asked.getString("code"));
        assertEquals("Tap the four shapes shown on the big screen.", asked.getString("message"));
        ana.send(join(game.pin, "Ana", first));
        assertEquals("Ana", ana.await("joined").getString("name"));

        time.advance(30_000);
        JsonObject next = host.await("joinPattern");
        JsonArray second = next.getJsonArray("pattern");
        assertNotEquals(first, second);
        assertEquals(30_000, next.getLong("changesInMs"));
        // A phone that tapped the old pattern just before the change still gets in, for a few seconds.
        WsClient ben = server.client();
        ben.send(join(game.pin, "Ben", first));
        ben.await("joined");
        time.advance(5_000);
        WsClient cy = server.client();
        cy.send(join(game.pin, "Cy", first));
        assertEquals("pattern_required", cy.awaitError());
        time.advance(1_000); // the wait after a wrong pattern from this address
        cy.send(join(game.pin, "Cy", second));
        cy.await("joined");

        // The projector gets the pattern again when it reconnects, and it keeps changing during the game.
        game.command("start");
        WsClient projector = game.attachHost();
        assertEquals(second, projector.await("joinPattern").getJsonArray("pattern"));
        time.advance(30_000);
        assertNotEquals(second, projector.await("joinPattern").getJsonArray("pattern"));
    }

    @Test
    void aBotWithThePinTriesEveryPatternAndGetsNowhereWhileTheClassJoins() {
        JsonArray right = shown();
        // All 256 patterns, as fast as the bot can send them, from the bot's machine; the right one last, so that
        // the bot's first try (the one that is checked) is a wrong one.
        List<JsonArray> patterns = everyPattern();
        patterns.remove(right);
        patterns.add(right);
        List<String> answers = new ArrayList<>();
        WsClient bot = null;
        int refusedOnSocket = 0;
        for (JsonArray pattern : patterns) {
            if (bot == null || refusedOnSocket == Limits.REFUSED_JOINS_PER_SOCKET) {
                if (bot != null) {
                    assertEquals((short) 1008, bot.awaitClose(), "a socket that keeps being refused is closed");
                }
                bot = server.clientFrom(BOT);
                refusedOnSocket = 0;
            }
            bot.send(join(game.pin, "Bot", pattern));
            JsonObject reply = bot.await(m -> !"pong".equals(m.getString("type")), "an answer");
            String answer = reply.getString("type").equals("error") ? reply.getString("code") : reply.getString("type");
            answers.add(answer);
            if ("rate_limited".equals(answer)) {
                refusedOnSocket++;
            }
        }
        assertFalse(answers.contains("joined"), "a bot got in: " + answers);
        long checked = answers.stream().filter("pattern_required"::equals).count();
        assertTrue(checked <= 1, checked + " patterns were checked; the rest must wait: " + answers);
        assertEquals(256 - checked, answers.stream().filter("rate_limited"::equals).count(), answers.toString());

        // Meanwhile a student on another machine taps the right pattern and is in.
        WsClient student = server.client();
        student.send(join(game.pin, "Student", right));
        student.await("joined");
        host.await(m -> "playerJoined".equals(m.getString("type")), "the student's join");
        host.sync();
        assertTrue(host.drain().stream().noneMatch(m -> "playerJoined".equals(m.getString("type"))),
                "only the student joined");
    }
}
