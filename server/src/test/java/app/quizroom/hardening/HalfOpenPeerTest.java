package app.quizroom.hardening;

import app.quizroom.support.HostedGame;
import app.quizroom.support.PhoneProcess;
import app.quizroom.support.TestServer;
import app.quizroom.support.WsClient;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A half-open peer: a phone that goes to sleep mid-game keeps its TCP connection open but answers nothing. Here the
 * phone is a process of its own, frozen with {@code kill -STOP}. The server pings every QUIZROOM_PING_SECONDS; with
 * no frame back for QUIZROOM_READ_IDLE_SECONDS it closes the socket, frees it, and shows the host the player as
 * disconnected, keeping the seat. After {@code kill -CONT} the phone notices the closed socket, reconnects with its
 * seat token and is back in its seat.
 */
@Tag("slow")
class HalfOpenPeerTest {

    private static final int PING_SECONDS = 1;
    private static final int READ_IDLE_SECONDS = 2;

    @RegisterExtension
    final TestServer server = TestServer.start(Map.of("QUIZROOM_PING_SECONDS", Integer.toString(PING_SECONDS),
            "QUIZROOM_READ_IDLE_SECONDS", Integer.toString(READ_IDLE_SECONDS)));
    private final List<PhoneProcess> phones = new ArrayList<>();
    private final HostedGame game = HostedGame.create(server,
            new JsonObject().put("bankId", "lenin-enrolment").put("readingSeconds", 0).put("timeLimit", 60));
    private final WsClient host = game.host();

    @AfterEach
    void stopPhones() {
        phones.forEach(PhoneProcess::close);
    }

    @Test
    void aFrozenPhoneIsMarkedDisconnectedWithinTheReadIdleTimeoutAndResumesItsSeatWhenItWakes() {
        PhoneProcess phone = PhoneProcess.start(server.port, game.pin, "Sleepy");
        phones.add(phone);
        String[] joined = phone.awaitLine("joined ", 20_000).split(" ");
        int playerId = Integer.parseInt(joined[1]);
        assertEquals(playerId, host.await("playerJoined").getJsonObject("player").getInteger("id"));

        // The host connection stays healthy through the idle timeout: the client library answers pings.
        phone.freeze();
        long frozenAt = System.nanoTime();
        JsonObject gone = host.await(m -> "playerConnection".equals(m.getString("type")), "the phone marked gone");
        long detectedMs = (System.nanoTime() - frozenAt) / 1_000_000;
        assertEquals(playerId, gone.getInteger("playerId"));
        assertEquals(false, gone.getBoolean("connected"));
        assertTrue(detectedMs <= (READ_IDLE_SECONDS + PING_SECONDS + 1) * 1000L,
                "a silent phone is marked disconnected within the read-idle timeout; took " + detectedMs + " ms");
        System.out.println("half-open peer detected after " + detectedMs + " ms");

        // The game moves on while the phone sleeps.
        game.command("start");
        host.await("answering");

        phone.thaw();
        phone.awaitLine("closed", 10_000);
        assertEquals("rejoined " + playerId, phone.awaitLine("rejoined", 10_000));
        JsonObject back = host.await(m -> "playerConnection".equals(m.getString("type")), "the phone back");
        assertEquals(playerId, back.getInteger("playerId"));
        assertEquals(true, back.getBoolean("connected"));
        // Its snapshot is the open question.
        phone.awaitLine("recv question", 5_000);

        // A re-attached host sees one seat, connected.
        JsonObject lobby = game.attachHost().await("lobby");
        assertEquals(1, lobby.getJsonArray("players").size());
        assertEquals(true, lobby.getJsonArray("players").getJsonObject(0).getBoolean("connected"));
    }
}
