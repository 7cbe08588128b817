package app.quizroom.e2e;

import app.quizroom.game.Room;
import app.quizroom.support.HostedGame;
import app.quizroom.support.ManualTime;
import app.quizroom.support.TestServer;
import app.quizroom.support.WsClient;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Over real WebSockets: bad or ill-timed messages are refused without disturbing the game; seats survive drops. */
class RefusalsAndReconnectTest {

    private final ManualTime time = new ManualTime();
    @RegisterExtension
    final TestServer server = TestServer.start(time);
    // The first question of this bank is single choice, the second numeric; every limit is 20 s here.
    private final HostedGame game = HostedGame.create(server,
            new JsonObject().put("bankId", "lenin-enrolment").put("readingSeconds", 2).put("timeLimit", 20));
    private final WsClient host = game.host();
    private final String pin = game.pin;

    private static JsonObject answer(int question, int option) {
        return new JsonObject().put("type", "answer").put("question", question).put("option", option);
    }

    @Test
    void aPlayerWhoReconnectsMidQuestionKeepsSeatScoreAndTheOpenQuestion() {
        WsClient ana = game.join("Ana");
        WsClient ben = game.join("Ben");
        assertEquals("joined", new JsonObject(ana.frames.get(0)).getString("type"));
        game.startAndOpenFirstQuestion(time, ana, ben);
        ana.send(answer(0, 0));
        ana.await("answerAck");
        ben.send(answer(0, 1));
        ana.await("result");
        int scoreAfterFirst = ben.await("result").getInteger("score");
        game.command("next");
        game.command("next");
        game.openQuestion(time, ben);
        time.advance(4_000);

        // Ben's phone drops and comes back with its seat token.
        String token = game.seatToken(ben);
        int id = game.playerId(ben);
        ben.close();
        host.await(m -> "playerConnection".equals(m.getString("type")) && !m.getBoolean("connected"), "a disconnection");
        time.advance(1_000);
        WsClient back = server.client();
        JsonObject again = game.rejoin(back, token);
        assertEquals(id, again.getInteger("playerId"));
        assertEquals("Ben", again.getString("name"));
        JsonObject snapshot = back.await("question");
        assertEquals(1, snapshot.getInteger("index"));
        assertEquals("answering", snapshot.getString("phase"));
        assertFalse(snapshot.getBoolean("answered"));
        long limit = snapshot.getLong("timeLimitMs");
        assertEquals(limit - 5_000, snapshot.getLong("remainingMs"), "remaining time comes from the server's deadline");
        host.await(m -> "playerConnection".equals(m.getString("type")) && m.getBoolean("connected"), "a reconnection");

        // The second question is numeric.
        back.send(new JsonObject().put("type", "answer").put("question", 1).put("value", 600000));
        back.await("answerAck");
        ana.send(new JsonObject().put("type", "answer").put("question", 1).put("value", 1));
        JsonObject result = back.await("result");
        assertEquals(1, result.getInteger("index"));
        assertTrue(result.getInteger("score") >= scoreAfterFirst, "the score carried over");
    }

    @Test
    void aBadSeatTokenFailsClosedWithoutState() {
        WsClient stranger = server.client();
        JsonObject error = game.rejoin(stranger, "forged-token");
        // Word for word the answer to a PIN that does not exist, so that a forged token cannot find a live game.
        assertEquals("room_not_found", error.getString("code"));
        assertEquals(Room.NO_SUCH_ROOM, error.getString("message"));
        stranger.sync();
        assertEquals(List.of("error", "pong"), stranger.frames.stream().map(f -> new JsonObject(f).getString("type")).toList());
    }

    @Test
    void illTimedAndMalformedMessagesAreRefusedAndTheGameGoesOn() {
        WsClient ana = game.join("Ana");
        WsClient ben = game.join("Ben");

        ana.send(new JsonObject().put("type", "start"));
        assertEquals("not_allowed", ana.awaitError(), "a player cannot send host commands");
        ana.sendRaw("{\"type\": \"answer\", ");
        assertEquals("bad_json", ana.awaitError());
        ana.sendRaw("{\"type\":\"answer\",\"question\":\"first\",\"option\":0}");
        assertEquals("bad_message", ana.awaitError());
        ana.sendRaw("{\"type\":\"teleport\"}");
        assertEquals("unknown_type", ana.awaitError());
        ana.send(answer(0, 0));
        assertEquals("too_early", ana.awaitError(), "no question is open in the lobby");

        game.startAndOpenFirstQuestion(time, ana, ben);
        ana.send(answer(1, 0));
        assertEquals("wrong_question", ana.awaitError());
        ana.send(answer(0, 0).put("nonce", "a1"));
        ana.await("answerAck");
        ana.send(answer(0, 1));
        assertEquals("already_answered", ana.awaitError());

        // An oversized frame closes only that socket, with 1009.
        WsClient vandal = game.join("Vandal");
        vandal.sendRaw("{\"type\":\"join\",\"pin\":\"" + pin + "\",\"name\":\"" + "x".repeat(10_000) + "\"}");
        assertEquals(1009, vandal.awaitClose());
        host.await(m -> "playerConnection".equals(m.getString("type")) && !m.getBoolean("connected"), "the vandal's drop");

        time.advance(20_000);
        ben.send(answer(0, 0));
        // The deadline has passed: the question closes and a late answer is refused.
        JsonObject result = ana.await("result");
        assertEquals(0, result.getInteger("index"));
        assertEquals("late", ben.awaitError());
        host.await("reveal");
        game.command("next");
        assertEquals(0, host.await("leaderboard").getInteger("index"));
    }

    @Test
    void aLockedRoomAnswersJoinsExactlyLikeAWrongPinAndCountsAsOne() {
        game.join("Ana");
        game.command("lock");
        host.await("locked");
        WsClient scanner = server.client();
        List<String> locked = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            scanner.send(new JsonObject().put("type", "join").put("pin", pin).put("name", "Bot" + i));
            locked.add(scanner.await("error").encode());
            scanner.send(new JsonObject().put("type", "join").put("pin", "000000").put("name", "Bot" + i));
            unknown.add(scanner.await("error").encode());
        }
        assertEquals(unknown, locked, "a scanner cannot tell a locked room from no room");
        scanner.send(new JsonObject().put("type", "join").put("pin", pin).put("name", "Bot"));
        assertEquals(1008, scanner.awaitClose(), "five misses of either kind close the socket");
    }

    @Test
    void joiningAnUnknownPinOrWithATakenNameIsRefusedInWords() {
        game.join("Ana");
        WsClient p = server.client();
        p.send(new JsonObject().put("type", "join").put("pin", "000000").put("name", "Zed"));
        JsonObject notFound = p.await("error");
        assertEquals("room_not_found", notFound.getString("code"));
        assertFalse(notFound.getString("message").isBlank());
        p.send(new JsonObject().put("type", "join").put("pin", pin).put("name", "ana"));
        assertEquals("name_taken", p.awaitError());
        p.send(new JsonObject().put("type", "answer").put("question", 0).put("option", 0));
        assertEquals("not_joined", p.awaitError());
        // After a refused join, the same connection may try another game.
        JsonObject other = server.createGame(new JsonObject().put("bankId", "lenin-enrolment"));
        p.send(new JsonObject().put("type", "join").put("pin", other.getString("pin")).put("name", "ana"));
        assertEquals("ana", p.await("joined").getString("name"));
    }
}
