package app.quizroom.hardening;

import app.quizroom.support.HostedGame;
import app.quizroom.support.ManualTime;
import app.quizroom.support.TestServer;
import app.quizroom.support.WsClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kick-and-ban: the host removes a bot or a troublemaker for good. The kicked player is told and closed with 4001,
 * its seat token is dead ({@code bad_token}), its nickname stays taken, its phone (by the device token its browser
 * keeps) cannot join again under another name until the host lets it back in, the host sees {@code playerLeft} and,
 * in any later snapshot, no ghost of it but the list of kicked players; the kicked player never scores.
 */
class KickAndBanTest {

    private final ManualTime time = new ManualTime();
    @RegisterExtension
    final TestServer server = TestServer.start(time);
    private HostedGame game;

    @BeforeEach
    void hostAGame() {
        game = HostedGame.create(server, new JsonObject().put("bankId", "lenin-enrolment").put("readingSeconds", 1)
                .put("timeLimit", 20));
    }

    @Test
    void aKickedPlayersTokenAndRejoinAreRefusedAndTheHostSeesNoGhost() {
        WsClient host = game.host();
        WsClient ana = game.join("Ana");
        WsClient bot = game.join("Bot");
        int botId = game.playerId(bot);
        String botToken = game.seatToken(bot);

        host.send(new JsonObject().put("type", "kick").put("playerId", botId));
        bot.await("kicked");
        assertEquals((short) 4001, bot.awaitClose());
        JsonObject left = host.await("playerLeft");
        assertEquals(botId, left.getInteger("playerId"));
        assertEquals("kicked", left.getString("reason"));
        assertEquals(1, left.getInteger("count"));

        // The old token is dead, on a fresh connection, in every phase.
        WsClient again = server.client();
        JsonObject refused = game.rejoin(again, botToken);
        assertEquals("bad_token", refused.getString("code"));
        assertFalse(again.isClosed(), "a refusal leaves the socket open for a normal join");
        // The nickname stays taken, so the same bot cannot walk back in under its name.
        again.send(new JsonObject().put("type", "join").put("pin", game.pin).put("name", "Bot"));
        assertEquals("name_taken", again.awaitError());
        // Kicking twice finds nobody.
        host.send(new JsonObject().put("type", "kick").put("playerId", botId));
        assertEquals("no_such_player", host.awaitError());

        // A re-attached host (projector reload) lists no ghost.
        WsClient projector = game.attachHost();
        JsonArray players = projector.await("lobby").getJsonArray("players");
        assertEquals(1, players.size(), players.encode());
        assertEquals("Ana", players.getJsonObject(0).getString("name"));
        assertEquals((short) 4000, host.awaitClose(), "the older host connection is replaced");
        host = projector;

        // The game goes on without the kicked player; its token stays dead mid-game.
        game.startAndOpenFirstQuestion(time, ana);
        assertEquals("bad_token", game.rejoin(server.client(), botToken).getString("code"));
        ana.send(new JsonObject().put("type", "answer").put("question", 0).put("option", 0).put("nonce", "a0"));
        ana.await("answerAck");
        JsonObject reveal = host.await("reveal");
        assertEquals(1, reveal.getInteger("total"), "the kicked player is not counted");
        game.command("next");
        JsonArray top = host.await("leaderboard").getJsonArray("top");
        for (int i = 0; i < top.size(); i++) {
            assertTrue(top.getJsonObject(i).getInteger("playerId") != botId, "kicked player on the leaderboard");
        }
        JsonObject reattached = game.attachHost().await("lobby");
        assertEquals(1, reattached.getJsonArray("players").size());
    }

    @Test
    void aPlayerKickedMidQuestionWhoseAnswerWasInIsNotCountedAndCannotComeBack() {
        WsClient host = game.host();
        WsClient ana = game.join("Ana");
        WsClient ben = game.join("Ben");
        WsClient bot = game.join("Bot");
        int botId = game.playerId(bot);
        String botToken = game.seatToken(bot);
        game.startAndOpenFirstQuestion(time, ana, ben, bot);
        bot.send(new JsonObject().put("type", "answer").put("question", 0).put("option", 0).put("nonce", "b0"));
        bot.await("answerAck");
        ana.send(new JsonObject().put("type", "answer").put("question", 0).put("option", 0).put("nonce", "a0"));
        ana.await("answerAck");

        host.send(new JsonObject().put("type", "kick").put("playerId", botId));
        bot.await("kicked");
        assertEquals((short) 4001, bot.awaitClose());
        assertEquals(2, host.await("playerLeft").getInteger("count"));

        // The bot's seat token does not reach the seat, so its answer cannot be resent or changed either.
        WsClient sneaky = server.client();
        assertEquals("bad_token", game.rejoin(sneaky, botToken).getString("code"));
        sneaky.send(new JsonObject().put("type", "answer").put("question", 0).put("option", 1).put("nonce", "b0"));
        String code = sneaky.awaitError();
        assertTrue(code.equals("not_joined"), code);

        ben.send(new JsonObject().put("type", "answer").put("question", 0).put("option", 1).put("nonce", "n0"));
        JsonObject reveal = host.await("reveal");
        assertEquals(2, reveal.getInteger("answered"), "the kicked player's answer no longer counts");
        assertEquals(2, reveal.getInteger("total"));
    }

    @Test
    void aKickedPhoneCannotComeBackUnderANewNameUntilTheTeacherLetsItBackIn() {
        WsClient host = game.host();
        game.join("Ana");
        WsClient troll = server.client();
        troll.send(join("Troll", "phone-of-troll"));
        int trollId = troll.await("joined").getInteger("playerId");
        host.await("playerJoined");

        host.send(new JsonObject().put("type", "kick").put("playerId", trollId));
        assertEquals((short) 4001, troll.awaitClose());
        host.await("playerLeft");

        // The same phone at once, under a new name, on a new socket: refused, and the room's seats are untouched.
        WsClient back = server.client();
        back.send(join("Nice Person", "phone-of-troll"));
        JsonObject refused = back.await("error");
        assertEquals("banned", refused.getString("code"));
        assertEquals("join", refused.getString("ref"));
        assertFalse(back.isClosed());
        // Another phone may take any free name.
        WsClient other = server.client();
        other.send(join("Nice Person", "phone-of-ben"));
        other.await("joined");
        host.await("playerJoined");

        // The projector lists the kicked player, also after a reload.
        JsonObject lobby = game.attachHost().await("lobby");
        assertEquals(new JsonArray().add(new JsonObject().put("id", trollId).put("name", "Troll")),
                lobby.getJsonArray("kicked"));
        host = game.host();

        // Let back in: the phone joins again, even under its old name (as a new player).
        host.send(new JsonObject().put("type", "unban").put("playerId", trollId));
        assertEquals(trollId, host.await("unbanned").getInteger("playerId"));
        back.send(join("Troll", "phone-of-troll"));
        JsonObject joined = back.await("joined");
        assertTrue(joined.getInteger("playerId") != trollId, "a new seat, not the kicked one");
        assertTrue(!game.attachHost().await("lobby").containsKey("kicked"), "nobody left to let back in");
        // Nobody to let back in: refused.
        game.host().send(new JsonObject().put("type", "unban").put("playerId", trollId));
        assertEquals("no_such_player", game.host().awaitError());
    }

    private JsonObject join(String name, String device) {
        return new JsonObject().put("type", "join").put("pin", game.pin).put("name", name).put("device", device);
    }
}
