package app.quizroom.transport;

import app.quizroom.protocol.ErrorCode;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.regex.Pattern;

/**
 * What every HTTP answer and every API write goes through, against other web sites: security headers on every
 * response, and for each {@code POST} an allowed {@code Origin} (the WebSocket's rule, {@link OriginPolicy}) and a
 * JSON body. A page elsewhere can send a {@code text/plain} POST without asking the browser first (no CORS
 * preflight); both checks refuse it before its body is read.
 */
final class HttpGuards {

    /** A Host header that can be written into the policy as it is: a name or IPv4, or [IPv6], and a port. */
    private static final Pattern PLAIN_HOST =
            Pattern.compile("(?:[A-Za-z0-9.-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}])(?::\\d{1,5})?");

    private final OriginPolicy origins;
    private final IntSupplier port;
    /** The upload paths and the media types each takes instead of JSON. */
    private final Map<String, Set<String>> uploads;

    /** @param uploads the paths whose POSTs carry a file, with the media types each accepts (JSON is not) */
    HttpGuards(OriginPolicy origins, IntSupplier port, Map<String, Set<String>> uploads) {
        this.origins = origins;
        this.port = port;
        this.uploads = Map.copyOf(uploads);
    }

    /**
     * The headers of every response. The pages load only their own scripts, styles and images (the QR code from
     * {@code /api/qr}, an empty {@code data:} icon), set bar widths through {@code style} attributes, and open a
     * WebSocket to the host they came from. {@code 'self'} covers that socket in Chromium and Firefox but not in
     * older Safari, so the page's own host is named with ws: and wss: too.
     */
    void securityHeaders(RoutingContext ctx) {
        String host = host(ctx);
        String sockets = host != null && PLAIN_HOST.matcher(host).matches()
                ? " ws://" + host + " wss://" + host : "";
        ctx.response()
                .putHeader("Content-Security-Policy", "default-src 'none'; script-src 'self'; "
                        + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'" + sockets
                        + "; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
                .putHeader("X-Content-Type-Options", "nosniff")
                // Not no-referrer: under it a browser sends "Origin: null" with the pages' own POSTs.
                .putHeader("Referrer-Policy", "same-origin")
                .putHeader("X-Frame-Options", "DENY");
        ctx.next();
    }

    /**
     * For every POST: 403 from a foreign page; 415 for a body that is not declared JSON, or, on an upload path, not
     * one of the media types that path takes.
     */
    void postsFromOwnPages(RoutingContext ctx) {
        Set<String> accepted = uploads.get(ctx.normalizedPath());
        String type = mediaType(ctx.request().getHeader("Content-Type"));
        if (!origins.allows(ctx.request().getHeader("Origin"), port.getAsInt())) {
            HttpJson.error(ctx, 403, ErrorCode.ORIGIN_REFUSED, "Requests from other web sites are not accepted.");
        } else if (accepted != null && !accepted.contains(type)) {
            HttpJson.error(ctx, 415, ErrorCode.UNSUPPORTED_TYPE,
                    "Send the file as one of: " + String.join(", ", accepted.stream().sorted().toList()) + ".");
        } else if (accepted == null && !"application/json".equals(type)) {
            HttpJson.error(ctx, 415, ErrorCode.JSON_REQUIRED, "Send the body as application/json.");
        } else {
            ctx.next();
        }
    }

    /**
     * The host the request names, as {@code host[:port]}: its Host header, or in HTTP/2 (which the JDK's client
     * asks for by upgrade) its {@code :authority}; null if it names none.
     */
    static String host(RoutingContext ctx) {
        HostAndPort authority = ctx.request().authority();
        if (authority == null || authority.host() == null) {
            return null;
        }
        return authority.port() >= 0 ? authority.host() + ":" + authority.port() : authority.host();
    }

    /** A Content-Type without its parameters ({@code charset}, {@code boundary}), in lower case; "" for none. */
    static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
        return type.trim().toLowerCase(Locale.ROOT);
    }
}
