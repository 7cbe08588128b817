package app.quizroom.loadtest;

import app.quizroom.config.Limits;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives one room from its own thread: creates the game over HTTP, attaches the host, joins the players with
 * bounded concurrency, plays the questions and the podium, and notes when each frame arrived. Every wait is
 * bounded by the phase timeout; a timed-out phase is reported and the game goes on.
 */
final class SimRoom {

    private final int roomNumber;
    private final LoadOptions options;
    private final Clients clients;
    private final List<SimPlayer> players = new ArrayList<>();
    final List<String> problems = new CopyOnWriteArrayList<>();

    private volatile QuestionTrack[] tracks = new QuestionTrack[0];
    private ClientWebSocket host;
    private final CountDownLatch hosting = new CountDownLatch(1);
    private final CountDownLatch podium = new CountDownLatch(1);
    private final CountDownLatch hostFinished = new CountDownLatch(1);
    private volatile CountDownLatch finals = new CountDownLatch(0);
    private volatile CountDownLatch finished = new CountDownLatch(0);
    private final AtomicLong lastFinal = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong lastJoined = new AtomicLong(Long.MIN_VALUE);
    /** Answers sent and not yet acknowledged or refused. */
    private final AtomicInteger unsettled = new AtomicInteger();
    private volatile int bankQuestions;
    private volatile boolean hostClosingByUs;
    /** The server closed the host's socket: the game cannot go on, so every wait ends at once. */
    private volatile boolean hostLost;
    private boolean countedJoined;
    private long joinMs = -1;
    private double podiumFanoutMs = -1;
    private double finishedFanoutMs = -1;

    RoomResult result;

    SimRoom(int roomNumber, LoadOptions options, Clients clients) {
        this.roomNumber = roomNumber;
        this.options = options;
        this.clients = clients;
    }

    /** A player got question {@code q} (this and the other {@code onX} run on the players' event loops). */
    void onPlayerQuestion(int q, long now, String frame) {
        QuestionTrack t = tracks[q];
        if (t.questionBytes == 0) {
            t.questionBytes = frame.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        }
        t.lastQuestion.accumulateAndGet(now, Math::max);
        t.questions.countDown();
    }

    void onPlayerAnswering(int q, long now) {
        QuestionTrack t = tracks[q];
        t.firstAnswering.accumulateAndGet(now, Math::min);
        t.lastAnswering.accumulateAndGet(now, Math::max);
    }

    void onAnswerSent(int q, long now) {
        unsettled.incrementAndGet();
        tracks[q].lastAnswerSent.accumulateAndGet(now, Math::max);
    }

    /** An answer got its first acknowledgement or its refusal. */
    void onAnswerSettled() {
        unsettled.decrementAndGet();
    }

    void onPlayerResult(int q, long now) {
        QuestionTrack t = tracks[q];
        t.firstResult.accumulateAndGet(now, Math::min);
        t.lastResult.accumulateAndGet(now, Math::max);
        t.results.countDown();
    }

    void onPlayerFinal(long now) {
        lastFinal.accumulateAndGet(now, Math::max);
        finals.countDown();
    }

    void onPlayerFinished() {
        finished.countDown();
    }

    private void onHostText(String text) {
        long now = System.nanoTime();
        JsonObject m = new JsonObject(text);
        String type = m.getString("type", "");
        int q = m.getInteger("index", -1);
        QuestionTrack[] ts = tracks;
        switch (type) {
            case "hosting" -> {
                bankQuestions = m.getJsonObject("bank").getInteger("questionCount");
                hosting.countDown();
            }
            case "reveal" -> {
                if (q >= 0 && q < ts.length) {
                    ts[q].revealAt = now;
                    ts[q].reveal.countDown();
                }
            }
            case "leaderboard" -> {
                if (q >= 0 && q < ts.length) {
                    ts[q].leaderboard.countDown();
                }
            }
            case "podium" -> podium.countDown();
            case "finished" -> hostFinished.countDown();
            case "error" -> problems.add("room " + roomNumber + ": host got error " + m.getString("code") + " ("
                    + m.getString("message") + ")");
            default -> {
                // lobby, playerJoined, answerCount, question, answering: nothing to measure
            }
        }
    }

    /**
     * Plays the room. {@code allJoined} is counted down once the players are in; the questions start when
     * {@code startGate} opens, so that every room is measured idle at once and then plays at once.
     */
    void run(CountDownLatch allJoined, CountDownLatch startGate) {
        try {
            play(allJoined, startGate);
        } catch (Exception e) {
            problems.add("room " + roomNumber + ": " + e);
        } finally {
            if (!countedJoined) {
                allJoined.countDown(); // a room that failed early must not hold the others at the gate
            }
            result = RoomResult.of(roomNumber, options.players(), options.questions(), players, tracks, joinMs,
                    podiumFanoutMs, finishedFanoutMs, problems);
            players.forEach(SimPlayer::close);
            if (host != null && !host.isClosed()) {
                hostClosingByUs = true;
                host.close();
            }
        }
    }

    private void play(CountDownLatch allJoined, CountDownLatch startGate) throws Exception {
        JsonObject body = new JsonObject().put("bankId", options.bank()).put("readingSeconds", options.readingSeconds())
                .put("timeLimit", options.timeLimitSeconds()).put("shuffleOptions", false)
                .put("classSize", options.players());
        LoadOptions.Node node = options.roomNode(roomNumber);
        JsonObject game = clients.createGame(node, body, options.phaseTimeoutMs());
        String pin = game.getString("pin");

        host = clients.hosts().webSocket();
        host.textMessageHandler(this::onHostText);
        host.closeHandler(v -> {
            if (!hostClosingByUs) {
                problems.add("room " + roomNumber + ": host socket closed by the server (" + host.closeStatusCode()
                        + " " + host.closeReason() + "); room abandoned");
                hostLost = true;
            }
        });
        // the PIN in the URL, as the web client sends it, for a balancer that routes by PIN
        host.connect(new WebSocketConnectOptions().setHost(node.host()).setPort(node.port()).setURI("/ws?pin=" + pin))
                .await(options.phaseTimeoutMs(), TimeUnit.MILLISECONDS);
        host.writeTextMessage(new JsonObject().put("type", "host").put("pin", pin)
                .put("hostToken", game.getString("hostToken")).encode());
        if (!await(hosting, options.phaseTimeoutMs(), "hosting")) {
            throw new IllegalStateException("the host was not attached");
        }
        int questions = Math.min(options.questions(), bankQuestions);

        long joinStart = System.nanoTime();
        joinPlayers(pin, questions);
        joinMs = lastJoined.get() == Long.MIN_VALUE ? -1 : (lastJoined.get() - joinStart) / 1_000_000;
        int seated = (int) players.stream().filter(p -> p.seated).count();

        QuestionTrack[] ts = new QuestionTrack[questions];
        Arrays.setAll(ts, q -> new QuestionTrack(seated));
        tracks = ts;
        finals = new CountDownLatch(seated);
        finished = new CountDownLatch(seated);

        countedJoined = true;
        allJoined.countDown();
        if (!startGate.await(options.phaseTimeoutMs() * 4, TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the other rooms never finished joining");
        }

        long answerWait = (options.readingSeconds() + options.timeLimitSeconds()) * 1000L + options.phaseTimeoutMs();
        for (int q = 0; q < questions; q++) {
            QuestionTrack t = ts[q];
            t.commandAt = System.nanoTime();
            sendHost(q == 0 ? "start" : "next");
            await(t.questions, options.phaseTimeoutMs(), "question " + q);
            await(t.results, answerWait, "results of question " + q);
            await(t.reveal, options.phaseTimeoutMs(), "reveal of question " + q);
            sendHost("next");
            await(t.leaderboard, options.phaseTimeoutMs(), "leaderboard of question " + q);
        }
        long podiumCommand = System.nanoTime();
        // After the bank's last question 'next' leads to the podium; before it, 'end' does.
        sendHost(questions == bankQuestions ? "next" : "end");
        await(finals, Limits.PODIUM_REVEAL_MS + options.phaseTimeoutMs(), "final");
        await(podium, options.phaseTimeoutMs(), "podium");
        long finishCommand = System.nanoTime();
        sendHost("next");
        await(finished, options.phaseTimeoutMs(), "finished");
        await(hostFinished, options.phaseTimeoutMs(), "finished (host)");
        // An acknowledgement may come after the results, even after the game ends (the server acknowledges an
        // answer once it is on disk): wait for the stragglers before counting any answer as lost.
        long settleDeadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(options.phaseTimeoutMs());
        while (unsettled.get() > 0 && System.nanoTime() < settleDeadline && !hostLost) {
            Thread.sleep(20);
        }
        long lastFinished = players.stream().mapToLong(p -> p.finishedAt).max().orElse(finishCommand);
        // The server holds each final back for the podium's reveal on the projector; the fan-out is what follows it.
        podiumFanoutMs = lastFinal.get() == Long.MIN_VALUE ? -1
                : (lastFinal.get() - podiumCommand) / 1e6 - Limits.PODIUM_REVEAL_MS;
        finishedFanoutMs = (lastFinished - finishCommand) / 1e6;
    }

    private void joinPlayers(String pin, int questions) throws InterruptedException {
        Semaphore permits = new Semaphore(options.joinConcurrency());
        CountDownLatch done = new CountDownLatch(options.players());
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(joinTimeoutMs());
        for (int i = 0; i < options.players(); i++) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !permits.tryAcquire(left, TimeUnit.NANOSECONDS)) {
                problems.add("room " + roomNumber + ": joining timed out after " + i + " players started");
                break;
            }
            // Letters and digits glued together: the nickname blocklist reads digits as letters ("r4p3"), and no
            // refused word can be made of "kid" and the letters digits stand for.
            SimPlayer p = new SimPlayer(this, clients.vertx(), "Kid" + i, questions, options.windowMs());
            players.add(p);
            LoadOptions.Node at = options.playerNode(roomNumber, i);
            p.connectAndJoin(clients.players(), at.host(), at.port(), pin).onComplete(ar -> {
                if (Boolean.TRUE.equals(ar.result())) {
                    lastJoined.accumulateAndGet(System.nanoTime(), Math::max);
                }
                permits.release();
                done.countDown();
            });
        }
        for (int i = players.size(); i < options.players(); i++) {
            done.countDown(); // never started
        }
        long left = Math.max(0, deadline - System.nanoTime());
        if (!done.await(left, TimeUnit.NANOSECONDS)) {
            problems.add("room " + roomNumber + ": " + done.getCount() + " joins unanswered at the join timeout");
        }
    }

    private long joinTimeoutMs() {
        // Joining thousands takes longer than any other phase; still bounded.
        return options.phaseTimeoutMs() + options.players() * 20L;
    }

    private void sendHost(String type) {
        host.writeTextMessage(new JsonObject().put("type", type).encode());
    }

    private boolean await(CountDownLatch latch, long timeoutMs, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (!hostLost) {
            long left = deadline - System.nanoTime();
            if (latch.await(Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)), TimeUnit.NANOSECONDS)) {
                return true;
            }
            if (left <= 0) {
                break;
            }
        }
        if (hostLost) {
            throw new IllegalStateException("stopped waiting for " + what + ": the host is gone");
        }
        problems.add("room " + roomNumber + ": timed out after " + timeoutMs + " ms waiting for " + what + " ("
                + latch.getCount() + " missing)");
        return false;
    }
}
