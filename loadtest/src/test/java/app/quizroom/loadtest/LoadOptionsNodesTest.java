package app.quizroom.loadtest;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The cluster mode's options: which node each room and each player goes to, and what is refused. */
class LoadOptionsNodesTest {

    private static LoadOptions parse(String... args) {
        return LoadOptions.parse(args);
    }

    @Test
    void roomsGoRoundRobinAndEachRoomsPlayersSpreadEvenlyOverAllNodes() {
        LoadOptions o = parse("--nodes", "127.0.0.1:8081,127.0.0.1:8082, localhost:8083", "--rooms", "4",
                "--players", "30");
        assertEquals(List.of(new LoadOptions.Node("127.0.0.1", 8081), new LoadOptions.Node("127.0.0.1", 8082),
                new LoadOptions.Node("127.0.0.1", 8083)), o.nodes());
        // the first node stands for the server where one address is meant
        assertEquals("127.0.0.1", o.host());
        assertEquals(8081, o.port());
        assertEquals(8081, o.roomNode(0).port());
        assertEquals(8082, o.roomNode(1).port());
        assertEquals(8083, o.roomNode(2).port());
        assertEquals(8081, o.roomNode(3).port());
        for (int room = 0; room < 4; room++) {
            Map<Integer, Integer> perPort = new HashMap<>();
            for (int i = 0; i < 30; i++) {
                perPort.merge(o.playerNode(room, i).port(), 1, Integer::sum);
            }
            assertEquals(Map.of(8081, 10, 8082, 10, 8083, 10), perPort, "room " + room);
            assertEquals(o.roomNode(room), o.playerNode(room, 0), "a room's first player starts at its node");
        }
    }

    @Test
    void withoutNodesEveryRoomAndPlayerGoesToTheOneServer() {
        LoadOptions o = parse("--port", "9000", "--rooms", "3");
        assertEquals(List.of(), o.nodes());
        assertEquals(new LoadOptions.Node("127.0.0.1", 9000), o.roomNode(2));
        assertEquals(new LoadOptions.Node("127.0.0.1", 9000), o.playerNode(2, 7));
    }

    @Test
    void refusesNodesOffLoopbackMalformedOrWithSpawnServer() {
        assertThrows(IllegalArgumentException.class, () -> parse("--nodes", "127.0.0.1:8081,10.0.0.2:8082"));
        assertThrows(IllegalArgumentException.class, () -> parse("--nodes", "example.com:80"));
        assertThrows(IllegalArgumentException.class, () -> parse("--nodes", "127.0.0.1"));
        assertThrows(IllegalArgumentException.class, () -> parse("--nodes", "127.0.0.1:x"));
        assertThrows(IllegalArgumentException.class, () -> parse("--nodes", "127.0.0.1:0"));
        assertThrows(IllegalArgumentException.class, () -> parse("--nodes", ","));
        assertThrows(IllegalArgumentException.class, () -> parse("--nodes", "127.0.0.1:8081", "--spawn-server", "q.jar"));
        assertThrows(IllegalArgumentException.class, () -> parse("--nodes", "127.0.0.1:8081", "--warmup", "100"));
    }
}
