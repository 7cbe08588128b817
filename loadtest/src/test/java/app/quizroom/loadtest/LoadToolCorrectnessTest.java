package app.quizroom.loadtest;

import app.quizroom.config.Config;
import app.quizroom.support.Clock;
import app.quizroom.server.QuizServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The load tool against the real server (in this JVM, on a free port of 127.0.0.1): 200 players in 2 rooms play
 * 2 questions to the podium. Correctness only; no timing is asserted.
 */
class LoadToolCorrectnessTest {

    @TempDir
    Path scratch;

    private QuizServer server;

    @BeforeEach
    void startServer() throws Exception {
        Map<String, String> env = new HashMap<>(LoadOptions.SPAWN_ENV);
        env.put("QUIZROOM_PORT", "0");
        env.put("QUIZROOM_BIND", "127.0.0.1");
        env.put("QUIZROOM_PUBLIC_URL", "http://127.0.0.1:0");
        env.put("QUIZROOM_BANKS", projectRoot().resolve("questions").toString());
        env.put("QUIZROOM_DB", scratch.resolve("results.db").toString());
        Config config = Config.fromEnv(env);
        server = new QuizServer(config, Clock.SYSTEM, null);
        server.start().await(20, TimeUnit.SECONDS);
    }

    @AfterEach
    void stopServer() throws Exception {
        server.stop().await(20, TimeUnit.SECONDS);
    }

    @Test
    void twoHundredPlayersInTwoRoomsGetEveryQuestionEveryAckOnceAndThePodium() throws Exception {
        LoadOptions options = LoadOptions.defaults(server.port())
                .withShape(2, 100, 2, 300, 0)
                .withBare(false);

        JsonObject report = LoadTool.execute(options);

        JsonObject players = report.getJsonObject("players");
        JsonObject answers = report.getJsonObject("answers");
        assertEquals("[]", report.getJsonArray("problems").encode(), "problems");
        assertEquals(200, players.getInteger("seated"), "seated");
        assertEquals(0, players.getInteger("dropped"), "dropped");
        assertEquals(0, players.getInteger("missingAQuestion"), "players missing a question");
        assertEquals(0, players.getInteger("missingAResult"), "players missing a result");
        assertEquals(0, players.getInteger("missingFinal"), "players missing the podium");
        assertEquals(400, answers.getInteger("sent"), "answers sent");
        assertEquals(400, answers.getInteger("acked"), "answers acknowledged");
        assertEquals(0, answers.getInteger("duplicateAcks"), "answers acknowledged twice");
        assertEquals(0, answers.getInteger("lost"), "answers lost");
        assertEquals("{}", answers.getJsonObject("refused").encode(), "answers refused");
        assertEquals(400, report.getJsonObject("ackLatencyMs").getInteger("count"));
        assertTrue(report.getBoolean("ok"));
    }

    @Test
    void refusesEveryTargetButLoopback() {
        for (String host : new String[] {"10.0.0.1", "192.168.1.20", "8.8.8.8", "example.org", "0.0.0.0", ""}) {
            assertThrows(IllegalArgumentException.class, () -> LoadOptions.loopbackOnly(host), host);
        }
        assertEquals("127.0.0.1", LoadOptions.loopbackOnly("localhost"));
        assertEquals("127.0.0.2", LoadOptions.loopbackOnly("127.0.0.2"));
        assertEquals("::1", LoadOptions.loopbackOnly("[::1]"));
    }

    private static Path projectRoot() {
        String root = System.getProperty("quizroom.projectRoot");
        Path path = root != null ? Path.of(root) : Path.of("..");
        return Files.isDirectory(path.resolve("questions")) ? path.toAbsolutePath().normalize() : Path.of(".");
    }
}
