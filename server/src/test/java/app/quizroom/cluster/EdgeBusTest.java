package app.quizroom.cluster;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The names the edge bus's operations travel under between the nodes of a cluster, and who sent a message. */
class EdgeBusTest {

    @Test
    void eachOperationTravelsUnderItsWireNameAndIsReadBackAsItself() {
        List<String> down = Arrays.stream(EdgeBus.Down.values())
                .map(kind -> EdgeBus.op(kind).getString(EdgeBus.KIND)).toList();
        assertEquals(List.of("plan", "moved", "frame", "seated", "close", "refused", "guess", "gone", "away"), down);
        List<String> up = Arrays.stream(EdgeBus.Up.values())
                .map(kind -> EdgeBus.op(kind).getString(EdgeBus.KIND)).toList();
        assertEquals(List.of("hello", "command", "closed"), up);
        for (EdgeBus.Down kind : EdgeBus.Down.values()) {
            assertEquals(kind, EdgeBus.Down.of(EdgeBus.op(kind)));
        }
        for (EdgeBus.Up kind : EdgeBus.Up.values()) {
            assertEquals(kind, EdgeBus.Up.of(EdgeBus.op(kind)));
        }
    }

    @Test
    void anOperationOfAnotherDirectionOrAnUnknownKindIsNotTakenForOne() {
        assertNull(EdgeBus.Up.of(EdgeBus.op(EdgeBus.Down.PLAN)));
        assertNull(EdgeBus.Down.of(EdgeBus.op(EdgeBus.Up.HELLO)));
        assertNull(EdgeBus.Down.of(new JsonObject().put(EdgeBus.KIND, "teleport")));
        assertNull(EdgeBus.Down.of(new JsonObject()));
    }

    @Test
    void aMessageNamesItsSenderByNodeNameAndRunId() {
        Member sender = new Member("node-2", "5f0c");
        JsonObject message = EdgeBus.message("123456", sender, new JsonArray());
        assertEquals("123456", message.getString(EdgeBus.PIN));
        assertEquals(sender, EdgeBus.sender(message));
    }
}
