package app.quizroom.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.util.Map;

/** The one place where messages become JSON and JSON becomes messages. Thread-safe. */
public final class Codec {

    /** The outcome of decoding one frame: a message, or the error to send back. */
    public sealed interface Decoded {
    }

    public record Ok(ClientMessage message) implements Decoded {
    }

    public record Failed(ServerMessage.Error error) implements Decoded {
    }

    private static final Map<String, Class<? extends ClientMessage>> TYPES = Map.ofEntries(
            Map.entry("join", ClientMessage.Join.class),
            Map.entry("rejoin", ClientMessage.Rejoin.class),
            Map.entry("answer", ClientMessage.Answer.class),
            Map.entry("ping", ClientMessage.Ping.class),
            Map.entry("host", ClientMessage.Host.class),
            Map.entry("start", ClientMessage.Start.class),
            Map.entry("next", ClientMessage.Next.class),
            Map.entry("skip", ClientMessage.Skip.class),
            Map.entry("pause", ClientMessage.Pause.class),
            Map.entry("resume", ClientMessage.Resume.class),
            Map.entry("end", ClientMessage.End.class),
            Map.entry("lock", ClientMessage.Lock.class),
            Map.entry("unlock", ClientMessage.Unlock.class),
            Map.entry("kick", ClientMessage.Kick.class),
            Map.entry("switchTeam", ClientMessage.SwitchTeam.class),
            Map.entry("moveTeam", ClientMessage.MoveTeam.class),
            Map.entry("rebalance", ClientMessage.Rebalance.class));

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    static {
        // A number or boolean where a text is expected is a client bug, not a nickname.
        MAPPER.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(8).maxStringLength(4096).maxNumberLength(32).build());
    }

    private static final ObjectWriter WRITER = MAPPER.writerFor(ServerMessage.class);

    private Codec() {
    }

    public static String encode(ServerMessage message) {
        try {
            return WRITER.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + message.getClass().getSimpleName(), e);
        }
    }

    /** Decodes one text frame. Never throws: anything wrong becomes a {@link Failed} with an error for the sender. */
    public static Decoded decode(String text) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(text);
        } catch (JsonProcessingException | RuntimeException e) {
            return failed("bad_json", "the message is not valid JSON", null);
        }
        if (tree == null || !tree.isObject()) {
            return failed("bad_message", "a message must be a JSON object with a 'type'", null);
        }
        JsonNode typeNode = tree.get("type");
        if (typeNode == null || !typeNode.isTextual()) {
            return failed("bad_message", "a message needs a 'type' text field", null);
        }
        String type = typeNode.asText();
        Class<? extends ClientMessage> target = TYPES.get(type);
        if (target == null) {
            return failed("unknown_type", "unknown message type '" + abbreviate(type) + "'", null);
        }
        try {
            return new Ok(MAPPER.treeToValue(tree, target));
        } catch (JsonMappingException e) {
            Throwable cause = e.getCause();
            String why = cause instanceof IllegalArgumentException ? cause.getMessage() : describe(e);
            return failed("bad_message", "bad '" + type + "' message: " + why, type);
        } catch (JsonProcessingException | RuntimeException e) {
            return failed("bad_message", "bad '" + type + "' message", type);
        }
    }

    private static String describe(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("");
        return path.isEmpty() ? "wrong field type" : "field '" + path + "' has the wrong type";
    }

    private static String abbreviate(String s) {
        return s.length() <= 32 ? s : s.substring(0, 32) + "…";
    }

    private static Failed failed(String code, String message, String ref) {
        return new Failed(new ServerMessage.Error(code, message, ref));
    }

    /** Any value as compact JSON (for storing parts of messages). */
    public static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + value.getClass().getSimpleName(), e);
        }
    }

    /** The type name of a client message, as on the wire. */
    public static String typeOf(ClientMessage message) {
        for (Map.Entry<String, Class<? extends ClientMessage>> e : TYPES.entrySet()) {
            if (e.getValue() == message.getClass()) {
                return e.getKey();
            }
        }
        return message.getClass().getSimpleName().toLowerCase();
    }
}
