package app.quizroom.protocol;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CodecTest {

    private static ClientMessage ok(String json) {
        return assertInstanceOf(Codec.Ok.class, Codec.decode(json), json).message();
    }

    private static ServerMessage.Error failed(String json) {
        return assertInstanceOf(Codec.Failed.class, Codec.decode(json), json).error();
    }

    @Test
    void decodesEachKindOfAnswer() {
        assertEquals(new ClientMessage.Answer(2, 1, null, null, null, "n1"),
                ok("{\"type\":\"answer\",\"question\":2,\"option\":1,\"nonce\":\"n1\"}"));
        assertEquals(List.of(0, 2), ((ClientMessage.Answer) ok("{\"type\":\"answer\",\"question\":0,\"options\":[0,2]}")).options());
        assertEquals(1924.0, ((ClientMessage.Answer) ok("{\"type\":\"answer\",\"question\":0,\"value\":1924}")).value());
    }

    @Test
    void extraFieldsSuchAsAClaimedTimeAreIgnored() {
        assertEquals(new ClientMessage.Answer(0, 1, null, null, null, null),
                ok("{\"type\":\"answer\",\"question\":0,\"option\":1,\"time\":1,\"lag\":-500,\"score\":99999}"));
    }

    @Test
    void malformedJsonIsABadJsonError() {
        assertEquals("bad_json", failed("{\"type\":").code());
        assertEquals("bad_json", failed("not json").code());
        assertEquals("bad_json", failed("{\"type\":\"ping\"} trailing").code());
    }

    @Test
    void nonObjectsAndMissingTypesAreBadMessages() {
        assertEquals("bad_message", failed("[1,2]").code());
        assertEquals("bad_message", failed("{\"pin\":\"123456\"}").code());
        assertEquals("bad_message", failed("{\"type\":7}").code());
    }

    @Test
    void unknownTypesAreNamed() {
        ServerMessage.Error e = failed("{\"type\":\"hack\"}");
        assertEquals("unknown_type", e.code());
        assertTrue(e.message().contains("hack"));
    }

    @Test
    void wrongFieldTypesAndMissingFieldsAreBadMessages() {
        ServerMessage.Error wrongType = failed("{\"type\":\"answer\",\"question\":\"zero\",\"option\":1}");
        assertEquals("bad_message", wrongType.code());
        assertEquals("answer", wrongType.ref());
        assertEquals("bad_message", failed("{\"type\":\"answer\",\"question\":0,\"option\":1.5}").code());
        assertEquals("bad_message", failed("{\"type\":\"answer\",\"question\":0,\"options\":\"all\"}").code());
        ServerMessage.Error missing = failed("{\"type\":\"rejoin\",\"pin\":\"123456\"}");
        assertEquals("bad_message", missing.code());
        assertTrue(missing.message().contains("seatToken"), missing.message());
        assertEquals("bad_message", failed("{\"type\":\"kick\"}").code());
        assertEquals("bad_message", failed("{\"type\":\"join\",\"pin\":\"123456\",\"name\":true}").code());
        assertEquals("bad_message", failed("{\"type\":\"join\",\"pin\":123456,\"name\":\"Ana\"}").code());
    }

    @Test
    void deepNestingIsRefused() {
        String deep = "{\"type\":\"answer\",\"question\":0,\"x\":" + "[".repeat(1000) + "]".repeat(1000) + "}";
        assertEquals("bad_json", failed(deep).code());
    }

    @Test
    void serverMessagesCarryTheirTypeAndOmitNulls() {
        String json = Codec.encode(new ServerMessage.Error("late", "Time is up.", null));
        assertEquals("{\"type\":\"error\",\"code\":\"late\",\"message\":\"Time is up.\"}", json);
    }

    @Test
    void everyClientMessageIsDecodedByTheWireNameOnItsRecord() {
        Map<String, Class<? extends ClientMessage>> types = Codec.clientTypes();
        assertEquals(19, types.size(), "docs/protocol.md lists 19 client types");
        types.forEach((name, type) -> {
            assertEquals(name, type.getAnnotation(JsonTypeName.class).value());
            Codec.Decoded decoded = Codec.decode("{\"type\":\"" + name + "\"}");
            if (decoded instanceof Codec.Failed failed) {
                assertNotEquals("unknown_type", failed.error().code(), name);
                assertEquals(name, failed.error().ref());
            } else {
                ClientMessage message = ((Codec.Ok) decoded).message();
                assertEquals(type, message.getClass());
                assertEquals(name, Codec.typeOf(message));
            }
        });
    }
}
