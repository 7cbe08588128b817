package app.quizroom.store;

import app.quizroom.game.GameOptions;
import app.quizroom.game.GameRecorder;
import app.quizroom.game.Room;
import app.quizroom.support.Postgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Several nodes' stores on one PostgreSQL database: game ids, interrupted games, live PINs and epochs. */
class SharedPostgresTest {

    private static final long TIMEOUT_S = 20;

    @TempDir
    Path dir;

    private final Postgres.Database pg = Postgres.shared().newDatabase();
    private final List<ResultStore> stores = new ArrayList<>();
    private final ExecutorService threads = Executors.newFixedThreadPool(4);

    @AfterEach
    void close() {
        threads.shutdownNow();
        stores.forEach(ResultStore::close);
    }

    private PostgresStore node(String name) {
        PostgresStore store = new PostgresStore(pg.settings(), 100_000, name);
        stores.add(store);
        store.start();
        assertTrue(store.healthy(), store.lastError());
        return store;
    }

    private static GameRecorder newGame(ResultStore store, String pin) {
        return store.newGame(pin, "bank", "Bank", Room.settingsOf(GameOptions.defaults()), "key", 3, null, 1);
    }

    private static <T> T await(io.vertx.core.Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(TIMEOUT_S, TimeUnit.SECONDS);
    }

    /** Runs every task at the same moment (as far as a latch can make it) and returns their results. */
    private <T> List<T> atOnce(List<Callable<T>> tasks) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> task : tasks) {
            futures.add(threads.submit(() -> {
                go.await();
                return task.call();
            }));
        }
        go.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> f : futures) {
            results.add(f.get(TIMEOUT_S, TimeUnit.SECONDS));
        }
        return results;
    }

    @Test
    void twoNodesCreatingGamesAtOnceOnOneDatabaseNeverMergeTwoGames() throws Exception {
        PostgresStore a = node("node-a");
        PostgresStore b = node("node-b");
        int perNode = 300;
        List<List<Long>> ids = atOnce(List.of(
                () -> create(a, perNode, "1"),
                () -> create(b, perNode, "2")));
        assertTrue(a.flushed().get(TIMEOUT_S, TimeUnit.SECONDS));
        assertTrue(b.flushed().get(TIMEOUT_S, TimeUnit.SECONDS));

        Set<Long> distinct = new HashSet<>(ids.get(0));
        distinct.addAll(ids.get(1));
        assertEquals(2 * perNode, distinct.size(), "ids drawn");
        assertEquals(Integer.toString(2 * perNode), pg.single("SELECT count(*) FROM games"));
        assertEquals(Integer.toString(perNode), pg.single(
                "SELECT count(*) FROM games WHERE owner_node = 'node-a' AND pin LIKE '1%'"));
        assertEquals(Integer.toString(perNode), pg.single(
                "SELECT count(*) FROM games WHERE owner_node = 'node-b' AND pin LIKE '2%'"));
        // Ids stay exact in a browser's numbers.
        assertTrue(distinct.stream().allMatch(id -> id > 0 && id < (1L << 53)), "ids below 2^53");
    }

    private static List<Long> create(ResultStore store, int count, String pinPrefix) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(newGame(store, pinPrefix + String.format("%05d", i)).gameId());
        }
        return ids;
    }

    @Test
    void aNodeStartingAgainMarksOnlyItsOwnUnfinishedGamesInterrupted() throws Exception {
        PostgresStore a = node("node-a");
        PostgresStore b = node("node-b");
        GameRecorder aRunning = newGame(a, "111111");
        aRunning.gameStarted();
        GameRecorder aLobby = newGame(a, "111112");
        GameRecorder bRunning = newGame(b, "222222");
        bRunning.gameStarted();
        assertTrue(a.flushed().get(TIMEOUT_S, TimeUnit.SECONDS));
        assertTrue(b.flushed().get(TIMEOUT_S, TimeUnit.SECONDS));
        a.close(); // as after a crash: its games were never ended

        node("node-a").flushed().get(TIMEOUT_S, TimeUnit.SECONDS);

        assertEquals("interrupted", status(aRunning));
        assertEquals("interrupted", status(aLobby));
        assertEquals("running", status(bRunning), "node-b's game is still in play");
    }

    @Test
    void gamesStoredBeforeNodesWereRecordedAreMarkedInterruptedByTheFirstNodeToStart() throws Exception {
        PostgresStore a = node("node-a");
        GameRecorder old = newGame(a, "333333");
        old.gameStarted();
        assertTrue(a.flushed().get(TIMEOUT_S, TimeUnit.SECONDS));
        a.close();
        execute("UPDATE games SET owner_node = NULL");

        node("node-b").flushed().get(TIMEOUT_S, TimeUnit.SECONDS);

        assertEquals("interrupted", status(old));
    }

    @Test
    void anSqliteFileMarksEveryUnfinishedGameInterruptedWhateverItsNode() throws Exception {
        Path file = dir.resolve("one.db");
        long id;
        try (SqliteStore first = new SqliteStore(file, 1000, "old-name")) {
            first.start();
            GameRecorder game = newGame(first, "444444");
            game.gameStarted();
            id = game.gameId();
            assertTrue(first.flushed().get(TIMEOUT_S, TimeUnit.SECONDS));
        }
        try (SqliteStore again = new SqliteStore(file, 1000, "new-name")) {
            again.start();
            assertTrue(again.flushed().get(TIMEOUT_S, TimeUnit.SECONDS));
            assertEquals("interrupted", again.reports().report(id).get("game").get("status").asText());
        }
    }

    @Test
    void ofTwoNodesRacingForOnePinExactlyOneReservesIt() throws Exception {
        PgLiveRooms a = node("node-a").liveRooms();
        PgLiveRooms b = node("node-b").liveRooms();
        for (int round = 0; round < 20; round++) {
            String pin = String.format("5%05d", round);
            List<Boolean> won = atOnce(List.of(
                    () -> await(a.reserve(pin, "node-a")),
                    () -> await(b.reserve(pin, "node-b")),
                    () -> await(a.reserve(pin, "node-a")),
                    () -> await(b.reserve(pin, "node-b"))));
            String owner = pg.single("SELECT node FROM live_rooms WHERE pin = '" + pin + "'");
            assertEquals(owner.equals("node-a") ? List.of(true, false, true, false) : List.of(false, true, false, true),
                    won, "round " + round + ", owner " + owner);
        }
    }

    @Test
    void aPinGivenBackIsFreeAndOnlyItsHolderCanGiveItBack() throws Exception {
        PgLiveRooms a = node("node-a").liveRooms();
        PgLiveRooms b = node("node-b").liveRooms();
        assertTrue(await(a.reserve("600000", "node-a")));
        await(a.attach("600000", "node-a", 42));
        assertEquals("42", pg.single("SELECT game_id FROM live_rooms WHERE pin = '600000'"));

        await(b.release("600000", "node-b"));
        assertFalse(await(b.reserve("600000", "node-b")), "still node-a's");

        await(a.release("600000", "node-a"));
        assertTrue(await(b.reserve("600000", "node-b")));
    }

    @Test
    void aNodeStartingAgainGivesBackThePinsOfItsLastRun() throws Exception {
        PostgresStore a = node("node-a");
        PgLiveRooms b = node("node-b").liveRooms();
        assertTrue(await(a.liveRooms().reserve("700000", "node-a")));
        assertTrue(await(b.reserve("700001", "node-b")));
        a.close();

        node("node-a");

        assertEquals("0", pg.single("SELECT count(*) FROM live_rooms WHERE pin = '700000'"));
        assertFalse(await(b.reserve("700001", "node-a")), "node-b's room is still live");
    }

    @Test
    void ofTwoNodesTakingARoomOverOnlyOneGetsItAndTheStaleOwnersWritesAreRefused() throws Exception {
        PgLiveRooms a = node("node-a").liveRooms();
        PgLiveRooms b = node("node-b").liveRooms();
        PgLiveRooms c = node("node-c").liveRooms();
        assertTrue(await(a.reserve("800000", "node-a")));
        long first = await(a.epoch("800000"));
        assertTrue(await(a.saveState("800000", first, "{\"phase\":\"question\"}")));

        List<Long> taken = atOnce(List.<Callable<Long>>of(
                () -> await(b.takeOver("800000", first, "node-b")),
                () -> await(c.takeOver("800000", first, "node-c"))));
        List<Long> winners = taken.stream().filter(e -> e != null).toList();
        assertEquals(1, winners.size(), "one new owner: " + taken);
        long second = winners.get(0);
        assertEquals(first + 1, second);
        String newOwner = taken.get(0) != null ? "node-b" : "node-c";
        assertEquals(newOwner, pg.single("SELECT node FROM live_rooms WHERE pin = '800000'"));

        assertFalse(await(a.stillOwner("800000", first)));
        assertFalse(await(a.saveState("800000", first, "{\"phase\":\"stale\"}")), "stale owner refused");
        assertEquals("{\"phase\":\"question\"}", await(a.state("800000")));
        assertTrue(await(b.stillOwner("800000", second)));
        assertTrue(await(b.saveState("800000", second, "{\"phase\":\"results\"}")));
        assertEquals("{\"phase\":\"results\"}", await(c.state("800000")));
        assertNull(await(a.takeOver("800000", first, "node-a")), "taking over from a stale epoch fails");
        assertNotEquals(null, await(a.takeOver("800000", second, "node-a")));
    }

    @Test
    void aRoomNoNodeHoldsHasNoEpochAndCannotBeTakenOver() throws Exception {
        PgLiveRooms a = node("node-a").liveRooms();
        assertNull(await(a.epoch("900000")));
        assertNull(await(a.takeOver("900000", 1, "node-a")));
        assertFalse(await(a.stillOwner("900000", 1)));
        assertFalse(await(a.saveState("900000", 1, "{}")));
    }

    @Test
    void aTakenOverGameKeepsItsAnswersAndRecordsWhoTookItOver() throws Exception {
        PostgresStore first = node("node-a");
        PostgresStore second = node("node-b");
        GameRecorder game = newGame(first, "810000");
        assertTrue(await(first.liveRooms().reserve("810000", "node-a")));
        await(first.liveRooms().attach("810000", "node-a", game.gameId()));
        game.playerJoined(1, "Ana", null);
        game.gameStarted();
        game.answerAccepted(0, 1, new GameRecorder.GivenAnswer(2, null, null, null), 1_500, 1.0).acknowledged()
                .toCompletableFuture().get(TIMEOUT_S, TimeUnit.SECONDS);
        game.answerAccepted(1, 1, new GameRecorder.GivenAnswer(null, List.of(0, 2), null, null), 900, 0.5)
                .acknowledged().toCompletableFuture().get(TIMEOUT_S, TimeUnit.SECONDS);

        PgLiveRooms.LiveRoom row = await(second.liveRooms().live("810000"));
        assertEquals("node-a", row.node());
        assertEquals(game.gameId(), row.gameId());
        assertNull(row.stateJson(), "no state saved yet");
        assertEquals(java.util.Map.of("810000", 1L), await(second.liveRooms().epochs(List.of("810000", "810001"))));
        assertNull(await(second.liveRooms().live("810001")));

        List<app.quizroom.game.RoomSnapshot.StoredAnswer> answers = await(second.liveRooms().answers(game.gameId()));
        answers = answers.stream().sorted(java.util.Comparator.comparingInt(
                app.quizroom.game.RoomSnapshot.StoredAnswer::question)).toList();
        assertEquals(List.of(
                new app.quizroom.game.RoomSnapshot.StoredAnswer(0, 1,
                        new GameRecorder.GivenAnswer(2, null, null, null), 1_500, 1.0),
                new app.quizroom.game.RoomSnapshot.StoredAnswer(1, 1,
                        new GameRecorder.GivenAnswer(null, List.of(0, 2), null, null), 900, 0.5)), answers);

        GameRecorder resumed = second.resumeGame(game.gameId(), "reconnect");
        assertEquals(game.gameId(), resumed.gameId());
        assertTrue(second.flushed().get(TIMEOUT_S, TimeUnit.SECONDS));
        assertEquals("node-b", pg.single("SELECT taken_over_by FROM games WHERE id = " + game.gameId()));
        assertEquals("node-b", pg.single("SELECT owner_node FROM games WHERE id = " + game.gameId()),
                "the game is node-b's now: node-b starting again would mark it interrupted, not node-a");
        assertNotEquals(null, pg.single("SELECT taken_over_at FROM games WHERE id = " + game.gameId()));
        // The node cut off from its game writes on, unaware: it ends nothing and overwrites no score.
        resumed.questionScored(0, List.of(new GameRecorder.Score(1, 800, 0, 800, 1)));
        assertTrue(second.flushed().get(TIMEOUT_S, TimeUnit.SECONDS));
        game.questionScored(0, List.of(new GameRecorder.Score(1, 5, 0, 5, 1)));
        game.gameEnded(GameRecorder.Ending.INTERRUPTED, List.of(new GameRecorder.Score(1, 5, 0, 5, 1)));
        assertTrue(first.flushed().get(TIMEOUT_S, TimeUnit.SECONDS));
        assertEquals("800", pg.single("SELECT total FROM scores WHERE game_id = " + game.gameId()));
        assertEquals("running", status(game), "the stale node did not end the game");
        assertNull(pg.single("SELECT final_score FROM players WHERE game_id = " + game.gameId()));
        var report = second.reports().report(game.gameId()).get("game");
        assertEquals("node-b", report.get("takenOverBy").asText());
        assertTrue(report.get("takenOverAt").isNumber());
        assertEquals("reconnect", report.get("takenOverCause").asText());
    }

    private String status(GameRecorder game) throws Exception {
        return pg.single("SELECT status FROM games WHERE id = " + game.gameId());
    }

    private void execute(String sql) throws Exception {
        try (Connection c = pg.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
