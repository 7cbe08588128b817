package app.quizroom.support;

import app.quizroom.config.ClusterConfig;
import app.quizroom.config.Config;
import app.quizroom.config.LanAddresses;
import app.quizroom.server.QuizServer;

import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.concurrent.TimeUnit;

/**
 * The server as {@code app.quizroom.Main} runs it, except that a cluster node draws its PINs from the
 * comma-separated list in QUIZROOM_TEST_PINS before random ones: nodes given the same list race for the same PINs.
 */
public final class FixedPinServer {

    /** The environment variable naming the PINs to draw first. */
    public static final String PINS = "QUIZROOM_TEST_PINS";

    private FixedPinServer() {
    }

    public static void main(String[] args) throws Exception {
        Config config = Config.fromEnv(System.getenv());
        ClusterConfig cluster = ClusterConfig.fromEnv(System.getenv());
        Deque<String> fixed = new ArrayDeque<>(Arrays.asList(System.getenv().getOrDefault(PINS, "")
                .split(",")));
        fixed.removeIf(String::isBlank);
        SecureRandom seeds = new SecureRandom();
        QuizServer server = new QuizServer(config, cluster, Clock.SYSTEM, null, seeds::nextLong,
                LanAddresses::ofThisMachine, () -> {
                    synchronized (fixed) {
                        return fixed.isEmpty() ? Tokens.newPin() : fixed.poll();
                    }
                });
        server.start().await(120, TimeUnit.SECONDS);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.drainAndStop().await(cluster.drainSeconds() + 30L, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // exiting anyway
            }
        }));
    }
}
