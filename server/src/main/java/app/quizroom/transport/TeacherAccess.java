package app.quizroom.transport;

import app.quizroom.config.Config;
import app.quizroom.support.Clock;
import app.quizroom.support.RateLimiter;
import app.quizroom.support.Tokens;
import app.quizroom.protocol.ErrorCode;
import io.vertx.core.MultiMap;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

/**
 * Who may act as the teacher: create games, list every report, open any report. Every server has a teacher
 * password, QUIZROOM_TEACHER_PASSWORD or, when that is unset, one generated at the first start; a request proves
 * it with {@value #PASSWORD_HEADER} (compared in constant time). When the password was generated, a browser on the
 * server's own machine needs none (see {@link #fromOwnMachine}) and each address may create only
 * {@code QUIZROOM_GAMES_PER_MINUTE} games a minute.
 */
final class TeacherAccess {

    static final String PASSWORD_HEADER = "X-Teacher-Password";
    private static final int MAX_TRACKED_ADDRESSES = 10_000;
    /** Headers a reverse proxy adds: such a request only looks local, it came from elsewhere. */
    private static final List<String> FORWARDING_HEADERS =
            List.of("Forwarded", "X-Forwarded-For", "X-Forwarded-Host", "X-Real-IP");

    private final String password;
    /** True when the password was generated (none configured): the own machine is then trusted. */
    private final boolean generated;
    private final int gamesPerMinute;
    private final OriginPolicy origins;
    private final IntSupplier port;
    private final Map<String, RateLimiter> creators = new ConcurrentHashMap<>();

    /**
     * @param generatedPassword the password generated beside the database; null when one is configured
     * @param port              the port the server listens on (the Host header of a local page names it)
     */
    TeacherAccess(Config config, String generatedPassword, OriginPolicy origins, IntSupplier port) {
        this.generated = config.teacherPassword() == null;
        this.password = generated ? generatedPassword : config.teacherPassword();
        if (password == null) {
            throw new IllegalArgumentException("a server without QUIZROOM_TEACHER_PASSWORD needs a generated one");
        }
        this.gamesPerMinute = config.gamesPerMinute();
        this.origins = origins;
        this.port = port;
    }

    /**
     * True for a page opened on the server's own machine, which needs no password: only while the password is a
     * generated one (a configured password is asked of everyone, so a server behind a reverse proxy, where every
     * request arrives from loopback, stays closed), from a loopback address, not forwarded by a proxy, and naming
     * this server in its Host header (a foreign page that rebinds its DNS name to 127.0.0.1 names its own host).
     */
    boolean fromOwnMachine(RoutingContext ctx) {
        if (!generated || !isLoopback(ctx.request().remoteAddress())) {
            return false;
        }
        MultiMap headers = ctx.request().headers();
        if (FORWARDING_HEADERS.stream().anyMatch(headers::contains)) {
            return false;
        }
        String host = HttpGuards.host(ctx);
        return host != null && origins.allows("http://" + host, port.getAsInt())
                && origins.allows(headers.get("Origin"), port.getAsInt());
    }

    /** True when this request must carry the password to act as the teacher. */
    boolean passwordRequired(RoutingContext ctx) {
        return !fromOwnMachine(ctx);
    }

    /** The generated password, for the setup page on the server's own machine to show; null to anyone else. */
    String passwordToShow(RoutingContext ctx) {
        return fromOwnMachine(ctx) ? password : null;
    }

    /** True when the request comes from the server's own machine or carries the password. */
    boolean isTeacher(RoutingContext ctx) {
        return fromOwnMachine(ctx) || Tokens.same(password, ctx.request().getHeader(PASSWORD_HEADER));
    }

    /**
     * The address whose live rooms count against QUIZROOM_ROOMS_PER_ADDRESS for a game this request creates; null
     * for the server's own machine, which is not counted.
     */
    String creator(RoutingContext ctx) {
        return fromOwnMachine(ctx) ? null : addressOf(ctx);
    }

    /**
     * Whether this request may create a game; answers 401 or 429 itself when not. Without a configured password
     * every call by the teacher counts against the address's allowance, even one whose game is then refused.
     */
    boolean mayCreateGame(RoutingContext ctx) {
        if (!isTeacher(ctx)) {
            refuseWithoutPassword(ctx);
            return false;
        }
        if (!generated) {
            return true;
        }
        RateLimiter limiter = creators.computeIfAbsent(addressOf(ctx),
                address -> new RateLimiter(Clock.SYSTEM, gamesPerMinute / 60.0, gamesPerMinute));
        if (creators.size() > MAX_TRACKED_ADDRESSES) {
            creators.clear(); // bounded memory; the limit is a brake on abuse, not an account
        }
        if (limiter.tryAcquire()) {
            return true;
        }
        HttpJson.error(ctx, 429, ErrorCode.TOO_MANY_GAMES, "Too many games created from this address; wait a minute.");
        return false;
    }

    /** Answers 401: this needs the teacher password. */
    void refuseWithoutPassword(RoutingContext ctx) {
        HttpJson.error(ctx, 401, ErrorCode.PASSWORD_REQUIRED, "This server needs the teacher password.");
    }

    private static String addressOf(RoutingContext ctx) {
        SocketAddress remote = ctx.request().remoteAddress();
        return remote == null || remote.hostAddress() == null ? "?" : remote.hostAddress();
    }

    private static boolean isLoopback(SocketAddress remote) {
        if (remote == null || remote.hostAddress() == null) {
            return false;
        }
        try {
            // A literal address: no name is looked up. Covers 127.0.0.0/8, ::1 and ::ffff:127.x.
            return InetAddress.getByName(remote.hostAddress()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
