package app.quizroom.hardening;

import app.quizroom.config.Config;
import app.quizroom.support.ManualTime;
import app.quizroom.support.Started;
import app.quizroom.support.TestServer;
import app.quizroom.support.WsClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Room-creation floods: one address may hold only QUIZROOM_ROOMS_PER_ADDRESS live rooms, and a room no player ever
 * joined is removed QUIZROOM_EMPTY_ROOM_MINUTES after its projector left (or after it was created, if none came).
 * Time is the test's; the sweep the server runs every minute is run by hand after moving the clock.
 */
class RoomFloodTest {

    private static final String PASSWORD = "s3cret";
    private static final String BODY = "{\"bankId\":\"lenin-enrolment\"}";

    private final ManualTime time = new ManualTime();
    @RegisterExtension
    final Started started = new Started();
    private TestServer server;


    private TestServer.Response create(String address) {
        return server.request(address, HttpMethod.POST, "/api/games", BODY, Map.of("X-Teacher-Password", PASSWORD));
    }

    private int liveRooms() {
        return new JsonObject(server.request(HttpMethod.GET, "/health", null).body()).getInteger("rooms");
    }

    private int sweep() {
        return TestServer.await(server.server.sweepNow());
    }

    /**
     * The attack: twenty games a minute from one address for 25 minutes, with the default limits. The address never
     * holds more than 10 rooms, and as its unused rooms expire it gets new ones, never the server's 500.
     */
    @Test
    void aFloodFromOneAddressNeverHoldsMoreThanTenRoomsAndItsUnusedRoomsExpire() {
        server = started.keep(TestServer.start(time, time, Map.of("QUIZROOM_TEACHER_PASSWORD", PASSWORD,
                "QUIZROOM_BIND", "0.0.0.0")));
        int created = 0;
        for (int minute = 0; minute < 25; minute++) {
            for (int i = 0; i < 20; i++) {
                TestServer.Response r = create("127.0.0.1");
                if (r.status() == 201) {
                    created++;
                } else {
                    assertEquals(429, r.status(), r.body());
                    assertEquals("too_many_rooms_from_address",
                            new JsonObject(r.body()).getJsonObject("error").getString("code"));
                }
            }
            assertTrue(liveRooms() <= 10, "minute " + minute + ": " + liveRooms() + " rooms");
            time.advance(60_000);
            sweep();
        }
        assertEquals(30, created, "10 at the start, 10 more as each batch expired after 10 minutes");
        assertEquals(10, liveRooms());
        String lan = Config.lanAddress();
        if (!lan.equals("127.0.0.1")) {
            assertEquals(201, create(lan).status(), "a teacher at another address still gets a room");
        }
    }

    @Test
    void onlyRoomsThatNobodyJoinedExpireEarlyAndNeverWhileTheirProjectorIsConnected() {
        server = started.keep(TestServer.start(time, time, Map.of("QUIZROOM_TEACHER_PASSWORD", PASSWORD,
                "QUIZROOM_ROOMS_PER_ADDRESS", "3")));
        create("127.0.0.1"); // nobody ever comes
        JsonObject hosted = new JsonObject(create("127.0.0.1").body());
        WsClient host = server.client();
        host.send(new JsonObject().put("type", "host").put("pin", hosted.getString("pin"))
                .put("hostToken", hosted.getString("hostToken")));
        host.await("lobby");
        JsonObject played = new JsonObject(create("127.0.0.1").body());
        try (WsClient player = server.connect()) {
            player.send(new JsonObject().put("type", "join").put("pin", played.getString("pin")).put("name", "Ana"));
            player.await("joined");
        }
        assertEquals(429, create("127.0.0.1").status(), "three live rooms from this address");

        time.advance(10 * 60_000 - 1);
        assertEquals(0, sweep(), "not yet ten minutes");
        time.advance(1);
        assertEquals(1, sweep(), "the room nobody came to, ten minutes on");
        assertEquals(2, liveRooms());
        assertEquals(201, create("127.0.0.1").status(), "its place is free again");

        time.advance(20 * 60_000);
        assertEquals(2, sweep(), "the played room after QUIZROOM_ROOM_IDLE_MINUTES, and the new empty one");
        assertEquals(1, liveRooms(), "the lobby with its projector connected stays, however long");
        host.sync();
    }

    @Test
    void theServersOwnMachineIsNotCountedWhileThePasswordIsGenerated() {
        String lan = Config.lanAddress();
        server = started.keep(TestServer.start(time, time, Map.of("QUIZROOM_ROOMS_PER_ADDRESS", "2",
                "QUIZROOM_BIND", "0.0.0.0")));
        for (int i = 0; i < 3; i++) {
            assertEquals(201, server.request(HttpMethod.POST, "/api/games", BODY).status());
        }
        if (!lan.equals("127.0.0.1")) {
            Map<String, String> teacher = Map.of("X-Teacher-Password", server.server.generatedTeacherPassword());
            assertEquals(201, server.request(lan, HttpMethod.POST, "/api/games", BODY, teacher).status());
            assertEquals(201, server.request(lan, HttpMethod.POST, "/api/games", BODY, teacher).status());
            assertEquals(429, server.request(lan, HttpMethod.POST, "/api/games", BODY, teacher).status(),
                    "another computer is counted");
        }
    }
}
