package app.quizroom.server;

import app.quizroom.bank.Bank;
import app.quizroom.bank.BankLoader;
import app.quizroom.bank.BankProblem;
import app.quizroom.bank.Question;
import app.quizroom.game.Blocklist;
import app.quizroom.game.GameOptions;
import app.quizroom.game.GameRecorder;
import app.quizroom.game.Link;
import app.quizroom.game.Room;
import app.quizroom.game.RoomMetrics;
import app.quizroom.support.Scheduler;
import app.quizroom.game.SharedFrame;
import app.quizroom.protocol.ClientMessage;
import app.quizroom.protocol.Codec;
import app.quizroom.protocol.CloseCode;
import app.quizroom.protocol.ServerMessage;
import app.quizroom.scoring.ScoringMode;
import app.quizroom.store.ResultStore;
import app.quizroom.store.SqliteStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Plays whole games in memory before the server listens, so that the first game of the day runs on compiled code
 * with every serializer, statement and table already built, not on a cold JVM (the first question of a fresh
 * server took two to four times as long to acknowledge as the second).
 *
 * <p>Every part a real game goes through takes part, except the sockets: the rooms, the codec (each client message
 * decoded from its text, each frame encoded, a broadcast encoded once), scoring and ranking, and the results store
 * with its writer thread and SQLite statements, writing to a throwaway database that is deleted afterwards. Nothing
 * of it reaches the real database, the metrics or the room registry.
 */
public final class Warmup {

    /** A game of each scoring mode, of this many players: the hot paths are called a few thousand times each. */
    private static final int GAMES = 2;
    static final int PLAYERS = 400;
    private static final String PIN = "000000";
    private static final String HOST_TOKEN = "warm-up-host-token";
    static final String BANK = """
            id: warm-up
            title: Every question type
            timeLimit: 20
            questions:
              - id: single
                type: single
                prompt: Pick one.
                options: [First, Second, Third, Fourth]
                answer: First
              - id: multi
                type: multi
                prompt: Pick two.
                options: [A, B, C, D]
                answer: [A, B]
              - id: truefalse
                type: truefalse
                prompt: True?
                answer: true
              - id: order
                type: order
                prompt: Order them.
                items: [One, Two, Three, Four]
              - id: numeric
                type: numeric
                prompt: How many?
                answer: 42
                tolerance: 1
              - id: poll
                type: poll
                prompt: Which?
                options: [Left, Right]
            """;

    private Warmup() {
    }

    /** Plays the games; returns how long it took, in milliseconds. Throws if a game did not go as played. */
    public static long run() throws Exception {
        return run(PLAYERS);
    }

    static long run(int players) throws Exception {
        return run(players, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** Plays the games with their throwaway database in a new folder under {@code parent}, removed at the end. */
    static long run(int players, Path parent) throws Exception {
        long started = System.nanoTime();
        Path dir = Files.createTempDirectory(parent, "quizroom-warmup-");
        ResultStore store = new SqliteStore(dir.resolve("warmup.db"), 100_000);
        ExecutorService roomThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "quizroom-warmup"));
        try {
            store.start();
            Bank bank = bank();
            for (int game = 0; game < GAMES; game++) {
                play(bank, store, roomThread, game % 2 == 0 ? ScoringMode.CLASSIC : ScoringMode.ACCURACY, game,
                        players);
            }
        } finally {
            roomThread.shutdownNow();
            store.close(5_000);
            deleteAll(dir);
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    private static Bank bank() {
        List<BankProblem> problems = new ArrayList<>();
        Bank bank = BankLoader.parse("warm-up.yaml", BANK, problems);
        if (bank == null || !problems.isEmpty()) {
            throw new IllegalStateException("the warm-up bank is invalid: " + problems);
        }
        return bank;
    }

    private static void play(Bank bank, ResultStore store, ExecutorService roomThread, ScoringMode scoring, long seed,
                             int playerCount) throws Exception {
        AtomicLong now = new AtomicLong(1_000_000);
        // Nothing waits on a timer: every phase is moved on by the host or by the last answer.
        Scheduler never = (delayMs, task) -> () -> {
        };
        Room.Environment env = new Room.Environment(roomThread, now::get, never, RoomMetrics.NONE,
                new Room.Limits(playerCount, 1_000_000, 1_000_000, Blocklist.defaults()));
        GameOptions options = new GameOptions(scoring, true, false, true, true, null, 0, false)
                .withClassSize(playerCount);
        GameRecorder recorder = store.newGame(PIN, bank.id(), bank.title(), Room.settingsOf(options), HOST_TOKEN,
                bank.questions().size(), null, seed);
        Room room = new Room(PIN, HOST_TOKEN, bank, options, env, "http://127.0.0.1/join", "/qr", recorder, seed);
        SplittableRandom random = new SplittableRandom(seed);
        WarmLink host = new WarmLink();
        List<WarmLink> players = new ArrayList<>();
        for (int i = 0; i < playerCount; i++) {
            players.add(new WarmLink());
        }
        send(room, host, "{\"type\":\"host\",\"pin\":\"" + PIN + "\",\"hostToken\":\"" + HOST_TOKEN + "\"}", now);
        for (int i = 0; i < playerCount; i++) {
            send(room, players.get(i), "{\"type\":\"join\",\"pin\":\"" + PIN + "\",\"name\":\"Player " + i + "\"}",
                    now);
        }
        send(room, host, "{\"type\":\"start\"}", now);
        for (int q = 0; q < bank.questions().size(); q++) {
            Question question = bank.questions().get(q);
            for (WarmLink player : players) {
                now.addAndGet(1);
                send(room, player, answer(question, q, random), now);
            }
            settle(roomThread, store);
            send(room, host, "{\"type\":\"next\"}", now); // the leaderboard
            send(room, host, "{\"type\":\"next\"}", now); // the next question, or the podium after the last
        }
        send(room, host, "{\"type\":\"next\"}", now); // finished
        roomThread.submit(room::close).get(10, TimeUnit.SECONDS);
        settle(roomThread, store);
        // A warm-up that took a wrong turn (a refused join, an answer of the wrong shape) warmed the wrong paths.
        int questions = bank.questions().size();
        for (WarmLink player : players) {
            if (player.savedAcks != questions || player.results != questions || !player.finished) {
                throw new IllegalStateException("a warm-up player had " + player.savedAcks + " acknowledgements, "
                        + player.results + " results of " + questions + " questions"
                        + (player.finished ? "" : ", and no end"));
            }
        }
    }

    /**
     * Waits until the room has handled what was sent, the store has committed what the room wrote, and the room has
     * sent the acknowledgements the store handed back (in that order, as each hand-over is in order).
     */
    private static void settle(ExecutorService roomThread, ResultStore store) throws Exception {
        roomThread.submit(() -> { }).get(10, TimeUnit.SECONDS);
        store.flushed().get(10, TimeUnit.SECONDS);
        roomThread.submit(() -> { }).get(10, TimeUnit.SECONDS);
    }

    /** An answer of the right shape, as a phone sends it. */
    private static String answer(Question question, int index, SplittableRandom random) {
        String head = "{\"type\":\"answer\",\"question\":" + index + ",";
        String nonce = ",\"nonce\":\"n" + random.nextInt(1_000_000) + "\"}";
        return switch (question.type()) {
            case SINGLE, POLL -> head + "\"option\":" + random.nextInt(question.options().size()) + nonce;
            case TRUEFALSE -> head + "\"option\":" + random.nextInt(2) + nonce;
            case MULTI -> head + "\"options\":[" + random.nextInt(2) + ",3]" + nonce;
            case ORDER -> head + (random.nextBoolean() ? "\"order\":[0,1,2,3]" : "\"order\":[3,1,0,2]") + nonce;
            case NUMERIC -> head + "\"value\":" + (40 + random.nextInt(5)) + nonce;
        };
    }

    /** Decodes the text as the gateway does and hands it to the room on its thread. */
    private static void send(Room room, Link link, String text, AtomicLong now) throws Exception {
        Codec.Decoded decoded = Codec.decode(text);
        if (!(decoded instanceof Codec.Ok ok)) {
            throw new IllegalStateException("the warm-up sent a bad message: " + text);
        }
        ClientMessage message = ok.message();
        room.execute(() -> room.onMessage(link, message, now.get()));
    }

    private static void deleteAll(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        }
        Files.deleteIfExists(dir);
    }

    /** A connection that encodes what it is sent, as a socket's link does, and keeps nothing. */
    private static final class WarmLink implements Link {

        /** Read by nothing; written so that the encoding cannot be optimised away. */
        private int bytes;
        // Written on the room's thread, read after it has finished (the executor's hand-back orders them).
        private int savedAcks;
        private int results;
        private boolean finished;

        @Override
        public void send(ServerMessage message) {
            if (message instanceof ServerMessage.AnswerAck ack && ack.saved()) {
                savedAcks++;
            } else if (message instanceof ServerMessage.Result) {
                results++;
            }
            sendEncoded(Codec.encode(message));
        }


        @Override
        public void sendEncoded(String json) {
            bytes += new SharedFrame(json).utf8().length;
        }

        @Override
        public void sendShared(SharedFrame frame) {
            bytes += frame.utf8().length;
            finished |= frame.json().startsWith("{\"type\":\"finished\"");
        }

        @Override
        public void close(CloseCode code, String reason) {
        }
    }
}
