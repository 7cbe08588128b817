package app.quizroom.hardening;

import app.quizroom.config.Limits;
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
 * Join-allowance starvation: bots flood a room with joins that can never take a seat (an empty name), hoping to
 * spend the room's join allowance (QUIZROOM_JOIN_BURST, 150 at once) so that real students are turned away with
 * {@code rate_limited}. A refused join costs its sender instead: a socket is closed after
 * {@value Limits#REFUSED_JOINS_PER_SOCKET} of them, and only a join that takes a seat spends the allowance. The
 * server's clock stands still, so the allowance does not refill during the test: the students need what is left.
 */
class JoinFloodTest {

    private static final int BOTS = 30;
    private static final int JOINS_PER_BOT = 12;
    private static final int STUDENTS = 120;

    private final ManualTime time = new ManualTime();
    @RegisterExtension
    final TestServer server = TestServer.start(time);

    @Test
    void emptyNameJoinsCutOffTheirSendersAndLeaveTheRoomsAllowanceToTheStudents() {
        // Room for the whole class: more than the default class size of 100.
        HostedGame game = HostedGame.create(server, new JsonObject().put("bankId", "lenin-enrolment")
                .put("classSize", STUDENTS));
        JsonObject empty = new JsonObject().put("type", "join").put("pin", game.pin).put("name", "");
        // 30 bots fire 12 empty-name joins each without waiting for answers: 360 joins, past the allowance of 150.
        List<WsClient> bots = new ArrayList<>();
        for (int b = 0; b < BOTS; b++) {
            WsClient bot = server.client();
            bots.add(bot);
            for (int k = 0; k < JOINS_PER_BOT && !bot.isClosed(); k++) {
                try {
                    bot.send(empty);
                } catch (IllegalStateException closed) {
                    break;
                }
            }
        }
        int answered = 0;
        for (WsClient bot : bots) {
            assertEquals((short) 1008, bot.awaitClose(), "a bot that keeps sending refused joins is cut off");
            List<JsonObject> replies = bot.drain();
            assertTrue(replies.size() <= Limits.REFUSED_JOINS_PER_SOCKET, "a bot was answered " + replies.size()
                    + " times before it was cut off");
            for (JsonObject r : replies) {
                assertEquals("name_invalid", r.getString("code"), r.encode());
            }
            answered += replies.size();
        }
        System.out.printf("join flood: %d bots sent up to %d empty-name joins each; %d answered before each was cut"
                + " off%n", BOTS, JOINS_PER_BOT, answered);

        // Every student gets in, on the allowance the bots could not touch.
        List<String> outcomes = new ArrayList<>();
        for (int k = 0; k < STUDENTS; k++) {
            WsClient student = server.client();
            student.send(new JsonObject().put("type", "join").put("pin", game.pin).put("name", "Student " + k));
            JsonObject reply = student.await(m -> "joined".equals(m.getString("type"))
                    || "error".equals(m.getString("type")), "an answer");
            outcomes.add(reply.getString("type").equals("joined") ? "joined" : reply.getString("code"));
        }
        assertEquals(STUDENTS, outcomes.stream().filter("joined"::equals).count(), "outcomes: " + outcomes);
    }
}
