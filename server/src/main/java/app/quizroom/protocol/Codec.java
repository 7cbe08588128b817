package app.quizroom.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The one place where messages become JSON and JSON becomes messages. Thread-safe. */
public final class Codec {

    /** The outcome of decoding one frame: a message, or the error to send back. */
    public sealed interface Decoded {
    }

    public record Ok(ClientMessage message) implements Decoded {
    }

    public record Failed(ServerMessage.Error error) implements Decoded {
    }

    /** Every client message type by its wire name, read from the records under {@link ClientMessage}. */
    private static final Map<String, Class<? extends ClientMessage>> TYPES = registry();
    private static final Map<Class<?>, String> NAMES = TYPES.entrySet().stream()
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getValue, Map.Entry::getKey));

    private static final ObjectMapper MAPPER = strict(strictBuilder()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build());

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(8).maxStringLength(4096).maxNumberLength(32).build());
    }

    private static final ObjectWriter WRITER = MAPPER.writerFor(ServerMessage.class);
    private static final ObjectWriter ANY_WRITER = MAPPER.writer();

    /**
     * The strict reading shared by the WebSocket protocol and the HTTP bodies: no floats for whole numbers, no
     * scalar coercion, nothing after the value; unknown fields are left to each caller's rules.
     */
    public static JsonMapper.Builder strictBuilder() {
        return JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
    }

    /** A number or boolean where a text is expected is a client bug, not a nickname: refused, never converted. */
    public static <M extends ObjectMapper> M strict(M mapper) {
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }

    private Codec() {
    }

    public static String encode(ServerMessage message) {
        return write(WRITER, message);
    }

    /** Decodes one text frame. Never throws: anything wrong becomes a {@link Failed} with an error for the sender. */
    public static Decoded decode(String text) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(text);
        } catch (JsonProcessingException | RuntimeException e) {
            return failed(ErrorCode.BAD_JSON, "the message is not valid JSON", null);
        }
        if (tree == null || !tree.isObject()) {
            return failed(ErrorCode.BAD_MESSAGE, "a message must be a JSON object with a 'type'", null);
        }
        JsonNode typeNode = tree.get("type");
        if (typeNode == null || !typeNode.isTextual()) {
            return failed(ErrorCode.BAD_MESSAGE, "a message needs a 'type' text field", null);
        }
        String type = typeNode.asText();
        Class<? extends ClientMessage> target = TYPES.get(type);
        if (target == null) {
            return failed(ErrorCode.UNKNOWN_TYPE, "unknown message type '" + abbreviate(type) + "'", null);
        }
        try {
            return new Ok(MAPPER.treeToValue(tree, target));
        } catch (JsonMappingException e) {
            Throwable cause = e.getCause();
            String why = cause instanceof IllegalArgumentException ? cause.getMessage() : describe(e);
            return failed(ErrorCode.BAD_MESSAGE, "bad '" + type + "' message: " + why, type);
        } catch (JsonProcessingException | RuntimeException e) {
            return failed(ErrorCode.BAD_MESSAGE, "bad '" + type + "' message", type);
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

    private static Failed failed(ErrorCode code, String message, String ref) {
        return new Failed(new ServerMessage.Error(code, message, ref));
    }

    /** Any value as compact JSON (for storing parts of messages). */
    public static String json(Object value) {
        return write(ANY_WRITER, value);
    }

    private static String write(ObjectWriter writer, Object value) {
        try {
            return writer.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + value.getClass().getSimpleName(), e);
        }
    }

    /** The type name of a client message, as on the wire. */
    public static String typeOf(ClientMessage message) {
        return NAMES.get(message.getClass());
    }

    /** Every client message type by its wire name: each record under {@link ClientMessage}. */
    public static Map<String, Class<? extends ClientMessage>> clientTypes() {
        return TYPES;
    }

    /** The wire names of the client messages; fails at start-up if a record has none or two share one. */
    private static Map<String, Class<? extends ClientMessage>> registry() {
        Map<String, Class<? extends ClientMessage>> types = new HashMap<>();
        collect(ClientMessage.class, types);
        return Map.copyOf(types);
    }

    private static void collect(Class<?> type, Map<String, Class<? extends ClientMessage>> types) {
        if (type.isSealed()) {
            for (Class<?> permitted : type.getPermittedSubclasses()) {
                collect(permitted, types);
            }
            return;
        }
        JsonTypeName name = type.getAnnotation(JsonTypeName.class);
        if (name == null) {
            throw new IllegalStateException(type.getName() + " needs a @JsonTypeName: its wire name");
        }
        if (types.put(name.value(), type.asSubclass(ClientMessage.class)) != null) {
            throw new IllegalStateException("two client messages are called '" + name.value() + "'");
        }
    }
}
