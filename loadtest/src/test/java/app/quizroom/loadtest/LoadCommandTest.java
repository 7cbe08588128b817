package app.quizroom.loadtest;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The load tool's command line as a user meets it: defaults, values, repeats, refusals and the usage text. */
class LoadCommandTest {

    private static String refusal(String... args) {
        return assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse(args)).getMessage();
    }

    @Test
    void withOnlyAPortEveryOptionTakesTheDefaultTheUsageNames() {
        LoadOptions o = LoadOptions.parse("--port", "9000");
        assertEquals("127.0.0.1", o.host());
        assertEquals(9000, o.port());
        assertEquals(-1, o.serverPid());
        assertNull(o.serverJar());
        assertEquals(List.of(), o.serverJvmArgs());
        assertEquals(Map.of(), o.serverEnv());
        assertEquals(Path.of("questions"), o.banksDir());
        assertEquals(1, o.rooms());
        assertEquals(100, o.players());
        assertEquals(3, o.questions());
        assertEquals(10_000, o.windowMs());
        assertEquals(2, o.readingSeconds());
        assertEquals(200, o.joinConcurrency());
        assertEquals("lenins-testament", o.bank());
        assertTrue(o.bare());
        assertEquals(5, o.bareRepeats());
        assertEquals(60_000, o.phaseTimeoutMs());
        assertNull(o.jsonOut());
        assertEquals(0, o.warmupPlayers());
        assertEquals(List.of(), o.nodes());
        assertEquals(o, LoadOptions.defaults(9000));
    }

    @Test
    void readsTheOptionsOfTheFirstGameScript() {
        LoadOptions o = LoadOptions.parse("--spawn-server", "server/target/quizroom.jar", "--server-jvm",
                "-Xms256m  -Xmx1g -XX:StartFlightRecording=filename=a.jfr,settings=p.jfc", "--no-bare", "--players", "1000",
                "--questions", "3", "--window", "0.25", "--reading", "2", "--join-concurrency", "500", "--phase-timeout",
                "120", "--bare-repeats", "7", "--warmup", "50", "--json", "out/run.json", "--banks", "b", "--bank", "x");
        assertEquals(Path.of("server/target/quizroom.jar"), o.serverJar());
        assertEquals(List.of("-Xms256m", "-Xmx1g", "-XX:StartFlightRecording=filename=a.jfr,settings=p.jfc"),
                o.serverJvmArgs());
        assertFalse(o.bare());
        assertEquals(1000, o.players());
        assertEquals(250, o.windowMs(), "the window is in seconds, fractions allowed");
        assertEquals(500, o.joinConcurrency());
        assertEquals(120_000, o.phaseTimeoutMs());
        assertEquals(7, o.bareRepeats());
        assertEquals(50, o.warmupPlayers());
        assertEquals(Path.of("out/run.json"), o.jsonOut());
        assertEquals(Path.of("b"), o.banksDir());
        assertEquals("x", o.bank());
    }

    @Test
    void serverJvmTakesFlagsThatLookLikeOptions() {
        LoadOptions o = LoadOptions.parse("--port", "9000", "--server-jvm",
                "--add-opens java.base/java.lang=ALL-UNNAMED -Xmx1g");
        assertEquals(List.of("--add-opens", "java.base/java.lang=ALL-UNNAMED", "-Xmx1g"), o.serverJvmArgs());
    }

    @Test
    void serverEnvRepeatsAndKeepsEqualsSignsInTheValue() {
        LoadOptions o = LoadOptions.parse("--port", "9000", "--server-env", "QUIZROOM_DB=/dev/shm/lt.db",
                "--server-env", "QUIZROOM_DATABASE_URL=postgresql://127.0.0.1:5432/bench?a=b", "--server-env", "EMPTY=");
        assertEquals(Map.of("QUIZROOM_DB", "/dev/shm/lt.db", "QUIZROOM_DATABASE_URL",
                "postgresql://127.0.0.1:5432/bench?a=b", "EMPTY", ""), o.serverEnv());
        assertTrue(refusal("--port", "9000", "--server-env", "QUIZROOM_DB").contains("--server-env"));
        assertTrue(refusal("--port", "9000", "--server-env", "=x").contains("--server-env"));
    }

    @Test
    void aLaterValueReplacesAnEarlierOneAsAScriptsPassedOnOptionsExpect() {
        LoadOptions o = LoadOptions.parse("--nodes", "127.0.0.1:8081", "--players", "5", "--players", "7",
                "--nodes", "127.0.0.1:9091,127.0.0.1:9092");
        assertEquals(7, o.players());
        assertEquals(List.of(new LoadOptions.Node("127.0.0.1", 9091), new LoadOptions.Node("127.0.0.1", 9092)),
                o.nodes());
    }

    @Test
    void anUnknownOptionIsRefusedByName() {
        assertTrue(refusal("--port", "9000", "--romos", "3").contains("'--romos'"));
        assertTrue(refusal("--port", "9000", "players").contains("'players'"));
    }

    @Test
    void aBadNumberIsRefusedWithItsOptionAndValue() {
        String message = refusal("--port", "9000", "--players", "ten");
        assertTrue(message.contains("'--players'") && message.contains("'ten'"), message);
        message = refusal("--port", "9000", "--window", "1,5");
        assertTrue(message.contains("'--window'") && message.contains("'1,5'"), message);
        assertTrue(refusal("--port", "9000", "--rooms").contains("'--rooms'"), "a missing value");
    }

    @Test
    void valuesOutOfRangeOrOffLoopbackAreRefusedWithTheRule() {
        assertEquals("--rooms must be 1–1000", refusal("--port", "9000", "--rooms", "0"));
        assertEquals("--players must be 1–20000", refusal("--port", "9000", "--players", "-1"));
        assertTrue(refusal("--host", "10.0.0.1", "--port", "9000").startsWith("refusing target '10.0.0.1'"));
        assertEquals("give --port (and --server-pid), --nodes or --spawn-server JAR", refusal("--rooms", "2"));
    }

    @Test
    void anArgumentStartingWithAtIsAValueNotAFileToRead() {
        assertEquals("@bank", LoadOptions.parse("--port", "9000", "--bank", "@bank").bank());
    }

    @Test
    void theUsageListsEveryOptionWithItsDefault() {
        String usage = LoadCommand.commandLine(new LoadCommand()).getUsageMessage();
        for (String line : List.of("--spawn-server JAR", "--server-jvm \"FLAGS\"", "--server-env K=V",
                "--banks DIR", "--host ADDR", "--port P", "--server-pid PID", "--nodes A:P,B:P,...", "--rooms M",
                "--players N", "--questions Q", "--window S", "--reading S", "--join-concurrency C", "--bank ID",
                "--no-bare", "--bare-repeats K", "--phase-timeout S", "--json FILE", "--warmup N", "-h, --help")) {
            assertTrue(usage.contains(line), line);
        }
        for (String text : List.of("rooms at once (1)", "players per room (100)", "0 = at once (10)",
                "reading time of each question, 0–20 (2)", "bank to play (lenins-testament)",
                "after 6 unmeasured (5)", "longest wait for any one phase (60)", "3 questions (0)")) {
            assertTrue(usage.contains(text), text);
        }
    }
}
