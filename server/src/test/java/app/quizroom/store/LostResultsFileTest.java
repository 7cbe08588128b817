package app.quizroom.store;

import app.quizroom.bank.QuestionType;
import app.quizroom.game.GameOptions;
import app.quizroom.game.GameRecorder;
import app.quizroom.game.GameRecorder.PlayedQuestion;
import app.quizroom.game.GameRecorder.Saving;
import app.quizroom.game.GameRecorder.Score;
import app.quizroom.game.Room;
import app.quizroom.protocol.ServerMessage;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The results file deleted or replaced under a running store (SQLite itself would go on writing to the unlinked
 * file and say nothing): the store notices at its next batch, says so, and writes the games in play into a new
 * file at the path. Real SQLite files; every wait is on a future.
 */
class LostResultsFileTest {

    private static final long TIMEOUT_S = 10;
    private static final List<String> TABLES = List.of("games", "players", "game_questions", "answers", "scores");

    @TempDir
    Path dir;

    private Path file;
    private SqliteStore store;
    private final List<Boolean> health = Collections.synchronizedList(new ArrayList<>());
    private final CompletableFuture<Void> wentDown = new CompletableFuture<>();
    private final CompletableFuture<Void> cameBack = new CompletableFuture<>();

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void deletingTheFilesMidGameIsNoticedAndTheGameInPlayIsWrittenWholeIntoANewFile() throws Exception {
        start();
        GameRecorder ended = store.newGame("111111", "bank", "Bank", SETTINGS, "hash", 1, null, 1);
        ended.playerJoined(1, "Zed", null);
        ended.gameEnded(GameRecorder.Ending.FINISHED, List.of());
        GameRecorder game = playedUpToTheSecondQuestion();
        List<String> before = rowsOf(game.gameId());

        deleteTheFiles(file);
        Saving afterDeletion = game.answerAccepted(1, 2, option(0), 900, 0);

        assertFalse(afterDeletion.acknowledged().toCompletableFuture().get(TIMEOUT_S, TimeUnit.SECONDS),
                "its batch found the file gone: not acknowledged as saved");
        wentDown.get(TIMEOUT_S, TimeUnit.SECONDS);
        afterDeletion.onDisk().toCompletableFuture().get(TIMEOUT_S, TimeUnit.SECONDS);
        cameBack.get(TIMEOUT_S, TimeUnit.SECONDS);
        assertEquals(List.of(false, true), health, "the warning came and went");
        assertTrue(game.answerAccepted(1, 3, option(1), 1200, 1).acknowledged().toCompletableFuture()
                .get(TIMEOUT_S, TimeUnit.SECONDS), "once the new file has the game, answers are saved again");

        List<String> after = rowsOf(game.gameId());
        assertTrue(after.containsAll(before), "every row of the lost file, as it was: " + before + " in " + after);
        assertEquals(before.size() + 2, after.size(), "and the two answers given since");
        assertEquals(List.of(), rowsOf(ended.gameId()), "a game that had ended is not kept in memory to be rewritten");

        store.close();
        start(); // the next run, on the new file
        ObjectNode report = new Reports(file).report(game.gameId());
        assertEquals("interrupted", report.get("game").get("status").asText());
        assertEquals(3, report.get("questions").get(0).get("answered").asInt());
        assertEquals(3, report.get("questions").get(1).get("answered").asInt());
    }

    @Test
    void aDeletedWalAloneIsNoticedAndLeavesEachRowOnce() throws Exception {
        start();
        GameRecorder game = playedUpToTheSecondQuestion();
        List<String> before = rowsOf(game.gameId());

        Files.delete(Path.of(file + "-wal"));
        Saving afterDeletion = game.answerAccepted(1, 2, option(0), 900, 0);

        assertFalse(afterDeletion.acknowledged().toCompletableFuture().get(TIMEOUT_S, TimeUnit.SECONDS));
        afterDeletion.onDisk().toCompletableFuture().get(TIMEOUT_S, TimeUnit.SECONDS);
        cameBack.get(TIMEOUT_S, TimeUnit.SECONDS);
        List<String> after = rowsOf(game.gameId());
        assertTrue(after.containsAll(before));
        assertEquals(before.size() + 1, after.size(), "the game's rows are rewritten, not added twice");
    }

    @Test
    void anOlderCopyPutInPlaceOfTheFileIsBroughtUpToDate() throws Exception {
        start();
        GameRecorder game = store.newGame("222222", "bank", "Bank", SETTINGS, "hash", 2, null, 1);
        game.playerJoined(1, "Ana", null);
        assertTrue(store.flushed().get(TIMEOUT_S, TimeUnit.SECONDS));
        Path backup = dir.resolve("backup.db");
        try (Connection c = Database.open(file)) {
            c.createStatement().execute("VACUUM INTO '" + backup + "'");
        }
        GameRecorder later = store.newGame("444444", "bank", "Bank", SETTINGS, "hash", 1, null, 1);
        later.playerJoined(1, "Cy", null);
        later.gameEnded(GameRecorder.Ending.FINISHED, List.of()); // in the lost file's WAL only
        game.playerJoined(2, "Ben", null);
        game.gameStarted();
        game.questionShown(question(0));
        assertTrue(game.answerAccepted(0, 1, option(0), 500, 1).acknowledged().toCompletableFuture()
                .get(TIMEOUT_S, TimeUnit.SECONDS));
        List<String> before = rowsOf(game.gameId());

        Files.copy(backup, file, StandardCopyOption.REPLACE_EXISTING); // an older copy, as a new file at the path
        Saving afterReplacing = game.answerAccepted(0, 2, option(1), 700, 0);

        assertFalse(afterReplacing.acknowledged().toCompletableFuture().get(TIMEOUT_S, TimeUnit.SECONDS));
        afterReplacing.onDisk().toCompletableFuture().get(TIMEOUT_S, TimeUnit.SECONDS);
        List<String> after = rowsOf(game.gameId());
        assertTrue(after.containsAll(before), "the rows the copy lacked are back: " + after);
        assertEquals(before.size() + 1, after.size());
        assertEquals(List.of(), rowsOf(later.gameId()), "the lost file's WAL was not laid over the copy");
        try (Connection c = Database.open(file); ResultSet rs = c.createStatement()
                .executeQuery("PRAGMA integrity_check")) {
            assertTrue(rs.next());
            assertEquals("ok", rs.getString(1));
        }
    }

    @Test
    void aFileDeletedWhileABatchIsWrittenIsCaughtBeforeTheBatchIsAcknowledged() throws Exception {
        file = dir.resolve("results.db");
        WriteQueue queue = new WriteQueue(100, new SqliteBatchWriter(file, () -> {
            Connection c = Database.open(file);
            Database.migrate(c);
            return c;
        }, SqlRecorder::addUnsaved, SqlRecorder::eraseGame));
        queue.start();
        try {
            GameRecorder game = new SqlRecorder(queue, "local")
                    .newGame(7, "333333", "bank", "Bank", SETTINGS, "hash", 1, null, 1);
            game.playerJoined(1, "Ana", null);
            assertTrue(queue.flushed().get(TIMEOUT_S, TimeUnit.SECONDS));
            CompletableFuture<Void> release = new CompletableFuture<>();
            CompletableFuture<Void> held = new CompletableFuture<>();
            queue.submit(0, c -> { // holds the writer, so that the next two writes share one batch
                held.complete(null);
                release.join();
            });
            held.get(TIMEOUT_S, TimeUnit.SECONDS);
            AtomicBoolean deleted = new AtomicBoolean();
            queue.submit(0, c -> { // after the batch's first look at the file, once (the batch is retried)
                if (deleted.compareAndSet(false, true)) {
                    deleteTheFiles(file);
                }
            });
            Saving answer = game.answerAccepted(0, 1, option(0), 500, 1);
            release.complete(null);

            assertFalse(answer.acknowledged().toCompletableFuture().get(TIMEOUT_S, TimeUnit.SECONDS),
                    "committed, but to a file no longer at the path: not saved");
            answer.onDisk().toCompletableFuture().get(TIMEOUT_S, TimeUnit.SECONDS);
            assertEquals(1, count("SELECT count(*) FROM answers WHERE game_id = 7"), "in the new file");
            assertEquals(1, count("SELECT count(*) FROM players WHERE game_id = 7"), "with the rows before it");
        } finally {
            queue.close(TimeUnit.SECONDS.toMillis(TIMEOUT_S));
        }
    }

    @Test
    void aShutdownJustAfterTheFilesWereDeletedStillLeavesTheGameInANewFile() throws Exception {
        start();
        GameRecorder game = playedUpToTheSecondQuestion();
        List<String> before = rowsOf(game.gameId());

        deleteTheFiles(file);
        game.gameEnded(GameRecorder.Ending.INTERRUPTED, List.of(new Score(1, 1000, 0, 1000, 1)));
        assertTrue(store.close(TimeUnit.SECONDS.toMillis(TIMEOUT_S)), "nothing left unwritten");
        store = null;

        assertEquals(before.size(), rowsOf(game.gameId()).size());
        ObjectNode report = new Reports(file).report(game.gameId());
        assertEquals("interrupted", report.get("game").get("status").asText());
        assertEquals(3, report.get("questions").get(0).get("answered").asInt());
        assertEquals(1000, count("SELECT final_score FROM players WHERE player_id = 1 AND game_id = "
                + game.gameId()), "the game's last write is in the new file too");
    }

    private void start() {
        file = dir.resolve("results.db");
        store = new SqliteStore(file, 1000);
        store.onHealthChange(healthy -> {
            health.add(healthy);
            (healthy ? cameBack : wentDown).complete(null);
        });
        store.start();
        assertTrue(store.healthy());
    }

    /** Three players, the first question answered by all and scored, the second shown and answered by one. */
    private GameRecorder playedUpToTheSecondQuestion() throws Exception {
        GameRecorder game = store.newGame("123456", "bank", "Bank", SETTINGS, "hash", 2, null, 1);
        for (int id = 1; id <= 3; id++) {
            game.playerJoined(id, List.of("Ana", "Ben", "Cy").get(id - 1), null);
        }
        game.gameStarted();
        game.questionShown(question(0));
        for (int id = 1; id <= 3; id++) {
            assertTrue(game.answerAccepted(0, id, option(id % 2), 400L * id, id % 2)
                    .acknowledged().toCompletableFuture().get(TIMEOUT_S, TimeUnit.SECONDS));
        }
        game.questionScored(0, List.of(new Score(1, 1000, 0, 1000, 1), new Score(2, 0, 0, 0, 2),
                new Score(3, 900, 0, 900, 2)));
        game.questionShown(question(1));
        assertTrue(game.answerAccepted(1, 1, option(1), 300, 1).acknowledged().toCompletableFuture()
                .get(TIMEOUT_S, TimeUnit.SECONDS));
        assertNull(store.lastError());
        return game;
    }

    private static final ServerMessage.GameSettings SETTINGS = Room.settingsOf(GameOptions.defaults());

    private static GameRecorder.GivenAnswer option(int displayed) {
        return new GameRecorder.GivenAnswer(displayed, null, null, null);
    }

    private static PlayedQuestion question(int index) {
        return new PlayedQuestion(index, "q" + index, QuestionType.SINGLE, "Question " + index + "?",
                List.of("A", "B"), new ServerMessage.Solution(List.of(1), null, null, null), 1000, 20_000, null, null,
                null);
    }

    private static void deleteTheFiles(Path file) {
        try {
            for (String suffix : List.of("", "-wal", "-shm")) {
                Files.delete(Path.of(file + suffix)); // fails if SQLite had not made them: the test would prove nothing
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every row of the game in every table, as text, read by a connection of its own. */
    private List<String> rowsOf(long gameId) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = Database.open(file)) {
            for (String table : TABLES) {
                String key = table.equals("games") ? "id" : "game_id";
                try (PreparedStatement s = c.prepareStatement("SELECT * FROM " + table + " WHERE " + key + " = ?")) {
                    s.setLong(1, gameId);
                    try (ResultSet rs = s.executeQuery()) {
                        ResultSetMetaData meta = rs.getMetaData();
                        while (rs.next()) {
                            StringBuilder row = new StringBuilder(table);
                            for (int i = 1; i <= meta.getColumnCount(); i++) {
                                row.append('|').append(rs.getString(i));
                            }
                            rows.add(row.toString());
                        }
                    }
                }
            }
        }
        return rows;
    }

    private int count(String sql) throws SQLException {
        try (Connection c = Database.open(file); ResultSet rs = c.createStatement().executeQuery(sql)) {
            return rs.next() ? rs.getInt(1) : -1;
        }
    }
}
