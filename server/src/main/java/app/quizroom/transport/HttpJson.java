package app.quizroom.transport;

import app.quizroom.protocol.Codec;
import app.quizroom.protocol.ErrorCode;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

import java.io.IOException;

/**
 * JSON over HTTP: reading request bodies and writing answers, with one Jackson mapper. Binding is as strict as the
 * WebSocket protocol's (no text for a number or a flag, no fraction for a whole number); unlike WebSocket frames,
 * HTTP answers write their {@code null} fields (docs/protocol.md §2).
 */
final class HttpJson {

    static final ObjectMapper MAPPER = Codec.strict(Codec.strictBuilder()
            // Bodies were always read by Vert.x's parser, which skips comments; clients may rely on it.
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .build());

    private HttpJson() {
    }

    /** The request body if it is a JSON object; null if it is empty, not JSON, or another JSON value. */
    static JsonNode objectBody(RoutingContext ctx) {
        Buffer body = ctx.body().buffer();
        if (body == null || body.length() == 0) {
            return null;
        }
        try {
            JsonNode tree = MAPPER.readTree(body.getBytes());
            return tree != null && tree.isObject() ? tree : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** A JSON value as a message quotes it: a text as it is, anything else (null included) as JSON. */
    static String quoted(JsonNode value) {
        return value == null ? "null" : value.isTextual() ? value.textValue() : value.toString();
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + value.getClass().getSimpleName(), e);
        }
    }

    static void send(RoutingContext ctx, int status, Object body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(write(body));
    }

    /** The shape of every HTTP error: {@code {"error": {"code": ..., "message": ...}}}. */
    record ErrorBody(Detail error) {
        record Detail(String code, String message) {
        }
    }

    static void error(RoutingContext ctx, int status, ErrorCode code, String message) {
        send(ctx, status, new ErrorBody(new ErrorBody.Detail(code.wire(), message)));
    }
}
