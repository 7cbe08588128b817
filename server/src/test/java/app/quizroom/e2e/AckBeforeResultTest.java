package app.quizroom.e2e;

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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A class answering at once, over real sockets and the real results file: the last answer awaited closes the
 * question only once it is on disk, so every phone is told its answer is saved before it is shown its result (the
 * results no longer queue ahead of the acknowledgements on every socket).
 */
class AckBeforeResultTest {

    private static final int PLAYERS = 12;

    private final ManualTime time = new ManualTime();
    @RegisterExtension
    final TestServer server = TestServer.start(time);
    private final HostedGame game = HostedGame.create(server, new JsonObject().put("bankId", "lenin-enrolment"));

    @Test
    void everyPhoneHasItsAcknowledgementBeforeItsResultWhenEveryoneAnswersAtOnce() {
        List<WsClient> players = new ArrayList<>();
        for (int i = 0; i < PLAYERS; i++) {
            players.add(game.join("P" + i));
        }
        for (int q = 0; q < 2; q++) {
            game.command(q == 0 ? "start" : "next");
            game.openQuestion(time, players.toArray(WsClient[]::new));
            for (int i = 0; i < PLAYERS; i++) {
                players.get(i).send(answer(players.get(i), q, "n" + i));
            }
            JsonObject reveal = game.host().await("reveal");
            assertEquals(PLAYERS, reveal.getInteger("answered"), "everyone's answer counted");
            for (WsClient p : players) {
                JsonObject first = p.await(m -> "answerAck".equals(m.getString("type"))
                        || "result".equals(m.getString("type")), "an acknowledgement or a result");
                assertEquals("answerAck", first.getString("type"), "acknowledged before the result: " + first);
                assertTrue(first.getBoolean("saved"), "on disk");
                assertTrue(p.await("result").getBoolean("answered"));
            }
            game.command("next"); // the leaderboard
            game.host().await("leaderboard");
        }
    }

    /** An answer to question {@code q} of the kind its question frame asks for (the bank's first two: a true/false, a number). */
    private static JsonObject answer(WsClient player, int q, String nonce) {
        String type = player.frames.stream().map(JsonObject::new)
                .filter(m -> "question".equals(m.getString("type")) && m.getInteger("index") == q)
                .map(m -> m.getString("questionType")).reduce((a, b) -> b).orElseThrow();
        JsonObject answer = new JsonObject().put("type", "answer").put("question", q).put("nonce", nonce);
        return "numeric".equals(type) ? answer.put("value", 1924) : answer.put("option", 0);
    }
}
