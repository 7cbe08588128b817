package app.quizroom.hardening;

import app.quizroom.support.HostedGame;
import app.quizroom.support.Started;
import app.quizroom.support.TestServer;
import app.quizroom.support.WsClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Limits that keep idle or surplus connections and rooms from piling up: a socket that opens but joins nothing is
 * closed after QUIZROOM_JOIN_TIMEOUT_SECONDS (1008), also one left on the team choice, and no more than
 * QUIZROOM_MAX_ROOMS games run at once.
 */
class ServerLimitsTest {

    @RegisterExtension
    final Started started = new Started();
    private TestServer server;


    @Test
    @Tag("slow")
    void aSocketThatJoinsNothingIsClosedAfterTheJoinTimeoutWhileSeatedOnesStay() {
        server = started.keep(TestServer.start(Map.of("QUIZROOM_JOIN_TIMEOUT_SECONDS", "1")));
        HostedGame game = HostedGame.create(server, new JsonObject().put("bankId", "lenin-enrolment"));
        WsClient host = game.host();
        WsClient player = game.join("Ana");
        WsClient idle = server.client();
        // Pings and refused joins do not count as joining.
        idle.sync();
        idle.send(new JsonObject().put("type", "join").put("pin", game.pin).put("name", ""));
        assertEquals("name_invalid", idle.awaitError());

        assertEquals((short) 1008, idle.awaitClose(), "an unseated socket is closed for policy");
        // The seated ones are still there, well past the timeout.
        player.sync();
        host.sync();
        assertFalse(player.isClosed());
        assertFalse(host.isClosed());
        assertNull(player.awaitClose(500));
    }

    @Test
    @Tag("slow")
    void socketsParkedOnTheTeamChoiceAreClosedAfterTheJoinTimeoutToo() {
        server = started.keep(TestServer.start(Map.of("QUIZROOM_JOIN_TIMEOUT_SECONDS", "1")));
        HostedGame game = HostedGame.create(server, new JsonObject().put("bankId", "lenin-enrolment")
                .put("teams", new JsonObject().put("count", 2).put("playersPick", true)));
        WsClient seated = server.client();
        seated.send(new JsonObject().put("type", "join").put("pin", game.pin).put("name", "Ana").put("team", 1));
        seated.await("joined");
        // Sockets that ask to join, get the team choice, and never pick: parked, holding nothing.
        List<WsClient> parked = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            WsClient c = server.client();
            c.send(new JsonObject().put("type", "join").put("pin", game.pin).put("name", "Parked " + i));
            c.await("chooseTeam");
            parked.add(c);
        }
        for (WsClient c : parked) {
            assertEquals((short) 1008, c.awaitClose(), "a socket parked on the team choice is closed for policy");
        }
        seated.sync();
        assertFalse(seated.isClosed(), "the seated player stays");
        assertNull(seated.awaitClose(500));
    }

    @Test
    void noMoreThanTheConfiguredNumberOfRoomsRunAtOnce() {
        server = started.keep(TestServer.start(Map.of("QUIZROOM_MAX_ROOMS", "2")));
        server.createGame(new JsonObject().put("bankId", "lenin-enrolment"));
        server.createGame(new JsonObject().put("bankId", "lenin-enrolment"));
        TestServer.Response third = server.request(HttpMethod.POST, "/api/games",
                new JsonObject().put("bankId", "lenin-enrolment").encode());
        assertEquals(503, third.status(), third.body());
        assertTrue(third.body().contains("too_many_rooms"), third.body());
    }
}
