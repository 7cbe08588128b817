package app.quizroom.transport;

import app.quizroom.protocol.ErrorCode;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * An answer of the editor's routes, computed off the event loop (the work reads and writes files): JSON in the
 * editor's binding ({@link EditorJson}), or a file to download.
 */
record Reply(int status, Object json, byte[] raw, String contentType, Map<String, String> headers) {

    static Reply ok(Object json) {
        return json(200, json);
    }

    static Reply json(int status, Object json) {
        return new Reply(status, json, null, null, Map.of());
    }

    static Reply error(int status, ErrorCode code, String message) {
        return json(status, new HttpJson.ErrorBody(new HttpJson.ErrorBody.Detail(code.wire(), message)));
    }

    /** A file to download, named {@code fileName}. */
    static Reply download(byte[] bytes, String contentType, String fileName, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        return new Reply(200, null, bytes, contentType, all);
    }

    /**
     * Runs file work on a worker thread and answers with its reply: a missing file is 404 {@code bank_file_not_found},
     * an {@link IllegalArgumentException} 400 {@code bad_request}.
     */
    static void run(RoutingContext ctx, Callable<Reply> work) {
        ctx.vertx().executeBlocking(work, false).onComplete(done -> {
            if (ctx.response().ended() || ctx.response().closed()) {
                return;
            }
            if (done.succeeded()) {
                Reply reply = done.result();
                reply.headers().forEach(ctx.response()::putHeader);
                ctx.response().putHeader("Cache-Control", "no-store").setStatusCode(reply.status());
                if (reply.raw() != null) {
                    ctx.response().putHeader("Content-Type", reply.contentType()).end(Buffer.buffer(reply.raw()));
                } else {
                    // Drafts name their types and skills as the bank format does ("single", "recall").
                    ctx.response().putHeader("Content-Type", "application/json").end(EditorJson.write(reply.json()));
                }
            } else if (done.cause() instanceof NoSuchFileException missing) {
                HttpJson.error(ctx, 404, ErrorCode.BANK_FILE_NOT_FOUND, "No bank file '"
                        + Path.of(missing.getFile()).getFileName() + "'.");
            } else if (done.cause() instanceof IllegalArgumentException wrong) {
                HttpJson.error(ctx, 400, ErrorCode.BAD_REQUEST, wrong.getMessage());
            } else {
                ctx.fail(done.cause());
            }
        });
    }
}
