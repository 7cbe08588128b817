package app.quizroom.hardening;

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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A bot flood into a class: bots fill a room while real students are still arriving. The teacher's class size caps
 * what the bots can take ({@code room_full} past it, in clear words), and one {@code kickRecent} removes everyone who
 * joined in the last seconds, bans their phones, and leaves the students who were there first; the students still
 * outside then get in. Over real sockets, on the test's clock.
 */
class ClassSizeFloodTest {

    private static final int CLASS = 30;
    private static final String FULL = "This game is full: the teacher set it for " + CLASS + " players.";

    private final ManualTime time = new ManualTime();
    @RegisterExtension
    final TestServer server = TestServer.start(time, time, Map.of("QUIZROOM_MAX_PLAYERS", "500",
            "QUIZROOM_JOIN_TIMEOUT_SECONDS", "60"));

    private static JsonObject join(String pin, String name, String device) {
        return new JsonObject().put("type", "join").put("pin", pin).put("name", name).put("device", device);
    }

    private static JsonObject outcome(WsClient c) {
        return c.await(m -> "joined".equals(m.getString("type")) || "error".equals(m.getString("type")),
                "a join answer");
    }

    @Test
    void theClassSizeCapsABotFloodAndRemovingRecentJoinersLetsTheClassIn() {
        HostedGame game = HostedGame.create(server, new JsonObject().put("bankId", "lenin-enrolment")
                .put("classSize", CLASS));
        WsClient host = game.host();
        assertEquals(CLASS, game.hosting().getJsonObject("settings").getInteger("classSize"));
        List<WsClient> early = game.joinAll("Ana", "Ben", "Cy", "Dee", "Eve");

        // A minute later twice the class in bots joins at once, each with its own device token.
        time.advance(60_000);
        List<WsClient> bots = new ArrayList<>();
        for (int i = 0; i < 2 * CLASS; i++) {
            WsClient bot = server.client();
            bot.send(join(game.pin, "bot" + i, "bot-device-" + i));
            bots.add(bot);
        }
        int seated = 0;
        for (WsClient bot : bots) {
            JsonObject answer = outcome(bot);
            if ("joined".equals(answer.getString("type"))) {
                seated++;
            } else {
                assertEquals("room_full", answer.getString("code"));
                assertEquals(FULL, answer.getString("message"));
            }
        }
        assertEquals(CLASS - early.size(), seated, "the bots fill the class and no more");
        // A student arriving now finds the room full, with words that say why.
        WsClient late = server.client();
        late.send(join(game.pin, "Fay", "fay-phone"));
        assertEquals(FULL, outcome(late).getString("message"));
        host.sync();
        int most = host.drain().stream().filter(m -> "playerJoined".equals(m.getString("type")))
                .mapToInt(m -> m.getInteger("count")).max().orElse(0);
        assertEquals(CLASS, most, "the projector never counts past the class size");

        // Ten seconds on, the teacher removes everyone who joined in the last 30 s: the bots, not the class.
        time.advance(10_000);
        host.send(new JsonObject().put("type", "kickRecent").put("seconds", 30));
        JsonObject removed = host.await("playersKicked");
        assertEquals(30, removed.getInteger("seconds"));
        assertEquals(early.size(), removed.getInteger("count"));
        JsonArray listed = removed.getJsonArray("players");
        assertEquals(seated, listed.size());
        Set<String> names = new HashSet<>();
        listed.forEach(p -> names.add(((JsonObject) p).getString("name")));
        assertTrue(names.stream().allMatch(n -> n.startsWith("bot")), names.toString());
        for (WsClient bot : bots) {
            if (bot.frames.stream().anyMatch(f -> f.contains("\"joined\""))) {
                bot.await("kicked");
                assertEquals((short) 4001, bot.awaitClose());
            }
        }
        for (WsClient student : early) {
            student.sync();
            assertTrue(!student.isClosed(), "a student who was there first keeps the seat");
        }

        // The removed bots' phones are banned, whatever name they try next; the refused student gets in now.
        String removedBot = listed.getJsonObject(0).getString("name");
        WsClient returning = server.client();
        returning.send(join(game.pin, "totally-new", "bot-device-" + removedBot.substring(3)));
        assertEquals("banned", outcome(returning).getString("code"));
        late.send(join(game.pin, "Fay", "fay-phone"));
        assertEquals("Fay", outcome(late).getString("name"));
    }

    @Test
    void removingRecentJoinersWhenNobodyJoinedRecentlyRemovesNobody() {
        HostedGame game = HostedGame.create(server, new JsonObject().put("bankId", "lenin-enrolment"));
        game.joinAll("Ana", "Ben");
        time.advance(121_000);
        game.host().send(new JsonObject().put("type", "kickRecent").put("seconds", 120));
        JsonObject removed = game.host().await("playersKicked");
        assertEquals(0, removed.getJsonArray("players").size());
        assertEquals(2, removed.getInteger("count"));
        game.host().send(new JsonObject().put("type", "kickRecent").put("seconds", 0));
        assertEquals("bad_message", game.host().awaitError());
        // A player's socket may not use it.
        WsClient ana = game.join("Cy");
        ana.send(new JsonObject().put("type", "kickRecent").put("seconds", 30));
        assertEquals("not_allowed", ana.awaitError());
    }

    @Test
    void theClassSizeDefaultsToAHundredAndMayBeRaisedToTheServersMaximum() {
        JsonObject options = new JsonObject(server.request(HttpMethod.GET, "/api/options", null).body());
        assertEquals(100, options.getJsonObject("defaults").getInteger("classSize"));
        assertEquals(new JsonObject().put("min", 1).put("max", 500), options.getJsonObject("classSize"));

        HostedGame plain = HostedGame.create(server, new JsonObject().put("bankId", "lenin-enrolment"));
        assertEquals(100, plain.hosting().getJsonObject("settings").getInteger("classSize"));
        HostedGame assembly = HostedGame.create(server, new JsonObject().put("bankId", "lenin-enrolment")
                .put("classSize", 500));
        assertEquals(500, assembly.hosting().getJsonObject("settings").getInteger("classSize"));
        for (Object bad : List.of(501, 0, 30.5, "30", true)) {
            TestServer.Response r = server.request(HttpMethod.POST, "/api/games",
                    new JsonObject().put("bankId", "lenin-enrolment").put("classSize", bad).encode());
            assertEquals(400, r.status(), String.valueOf(bad));
            assertEquals("'classSize' must be a whole number from 1 to 500",
                    new JsonObject(r.body()).getJsonObject("error").getString("message"), String.valueOf(bad));
        }
    }
}
