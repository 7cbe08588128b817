package app.quizroom.transport;

import app.quizroom.config.Config;
import app.quizroom.game.Clock;
import app.quizroom.game.RateLimiter;
import app.quizroom.game.Tokens;
import app.quizroom.protocol.ErrorCode;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who may act as the teacher. With a teacher password configured, a request proves it with
 * {@value #PASSWORD_HEADER} (compared in constant time); without one, anyone may create games, but each client
 * address only {@code QUIZROOM_GAMES_PER_MINUTE} a minute.
 */
final class TeacherAccess {

    static final String PASSWORD_HEADER = "X-Teacher-Password";
    private static final int MAX_TRACKED_ADDRESSES = 10_000;

    private final String password;
    private final int gamesPerMinute;
    private final Map<String, RateLimiter> creators = new ConcurrentHashMap<>();

    TeacherAccess(Config config) {
        this.password = config.teacherPassword();
        this.gamesPerMinute = config.gamesPerMinute();
    }

    /** True when the server has a teacher password. */
    boolean passwordRequired() {
        return password != null;
    }

    /** True when the server has a teacher password and the request carries it. */
    boolean isTeacher(RoutingContext ctx) {
        return Tokens.same(password, ctx.request().getHeader(PASSWORD_HEADER));
    }

    /**
     * Whether this request may create a game; every call counts against the address's allowance, even one whose
     * game is then refused. Answers 401 or 429 itself when not.
     */
    boolean mayCreateGame(RoutingContext ctx) {
        if (passwordRequired()) {
            if (isTeacher(ctx)) {
                return true;
            }
            refuseWithoutPassword(ctx);
            return false;
        }
        SocketAddress remote = ctx.request().remoteAddress();
        RateLimiter limiter = creators.computeIfAbsent(remote == null ? "?" : remote.hostAddress(),
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
}
