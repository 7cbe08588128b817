package app.quizroom.hardening;

import app.quizroom.support.HostedGame;
import app.quizroom.support.ManualTime;
import app.quizroom.support.TestServer;
import app.quizroom.support.WsClient;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Answers cannot be multiplied or faked. Fifty identical answers racing over two sockets of one seat score once; a
 * resend with the same nonce after a reconnect gets the original acknowledgement and changes nothing; fields a
 * script adds (claimed time, lag, score, correctness) are ignored. Time is the test's ({@link ManualTime}), so two
 * answers at the same instant must score the same.
 */
class AnswerIntegrityTest {

    /** lenin-enrolment question 0 is single choice; option 0 ("1923–25") is right. */
    private static final int RIGHT = 0;
    private static final int WRONG = 1;

    private ManualTime time;
    private TestServer server;
    private ExecutorService pool;
    private HostedGame game;
    private WsClient host;

    @BeforeEach
    void start(@TempDir Path banks) throws IOException {
        // Question 0's right answer is the first option, shown first (options not shuffled in this game).
        Files.writeString(banks.resolve("integrity.yaml"), """
                id: integrity
                title: Answer integrity
                questions:
                  - id: admissions
                    type: single
                    prompt: "Who controlled admissions during the Lenin Enrolment?"
                    options: ["Stalin", "Trotsky", "Zinoviev"]
                    answer: "Stalin"
                  - id: spare
                    type: truefalse
                    prompt: "The Enrolment began after Lenin's death."
                    answer: true
                """);
        time = new ManualTime();
        server = TestServer.start(time, time, Map.of("QUIZROOM_BANKS", banks.toString()));
        game = HostedGame.create(server, new JsonObject().put("bankId", "integrity").put("readingSeconds", 2)
                .put("timeLimit", 20).put("shuffleOptions", false));
        host = game.host();
        pool = Executors.newFixedThreadPool(4);
    }

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        server.close();
    }

    /** Starts question 0 and opens answering, then lets {@code intoAnsweringMs} of the time limit pass. */
    private void openFirstQuestion(long intoAnsweringMs, WsClient... players) {
        game.startAndOpenFirstQuestion(time, players);
        time.advance(intoAnsweringMs);
    }

    private static JsonObject answer(int option, String nonce) {
        JsonObject a = new JsonObject().put("type", "answer").put("question", 0).put("option", option);
        return nonce == null ? a : a.put("nonce", nonce);
    }

    @Test
    void fiftyConcurrentIdenticalAnswersOverTwoSocketsOfOneSeatScoreOnce() throws Exception {
        WsClient ana = game.join("Ana");
        WsClient ben = game.join("Ben");
        openFirstQuestion(5_000, ana, ben);
        WsClient anaSecond = server.client(); // a second tab of Ana's, about to take her seat
        String token = game.seatToken(ana);

        CountDownLatch go = new CountDownLatch(1);
        Future<?> first = pool.submit(() -> {
            go.await();
            for (int i = 0; i < 25; i++) {
                try {
                    ana.send(answer(RIGHT, "ana-q0"));
                } catch (IllegalStateException closedByTakeover) {
                    break;
                }
            }
            return null;
        });
        Future<?> second = pool.submit(() -> {
            go.await();
            anaSecond.send(new JsonObject().put("type", "rejoin").put("pin", game.pin).put("seatToken", token));
            for (int i = 0; i < 25; i++) {
                anaSecond.send(answer(RIGHT, "ana-q0"));
            }
            return null;
        });
        go.countDown();
        first.get(20, TimeUnit.SECONDS);
        second.get(20, TimeUnit.SECONDS);
        anaSecond.await("joined");
        assertEquals((short) 4000, ana.awaitClose(), "the first socket lost the seat to the second");

        ben.send(answer(RIGHT, "ben-q0"));
        JsonObject anaResult = anaSecond.await("result");
        JsonObject benResult = ben.await("result");
        assertEquals(2, host.await("reveal").getInteger("answered"));
        assertTrue(anaResult.getBoolean("correct"));
        assertEquals(benResult.getInteger("points"), anaResult.getInteger("points"),
                "the same answer at the same instant scores the same, however often it was sent");
        assertEquals(benResult.getInteger("score"), anaResult.getInteger("score"));
        assertEquals(anaResult.getInteger("points"), anaResult.getInteger("score"), "scored once");
        assertEquals(2.0, server.metric("quizroom_answers_accepted_total"), "two answers accepted in all");

        // Every acknowledgement, on either socket, is of the one answer (acknowledgements follow the write to the
        // results store, so wait a little for the first).
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (acks(ana, anaSecond) == 0 && System.nanoTime() < deadline) {
            anaSecond.poll(50);
        }
        int acks = acks(ana, anaSecond);
        assertTrue(acks >= 1 && acks <= 50, acks + " acknowledgements");
        assertTrue(server.metric("quizroom_answer_acknowledged_seconds_count") >= acks,
                "each acknowledgement sent is timed from its answer's arrival");
    }

    private static int acks(WsClient... sockets) {
        int acks = 0;
        for (WsClient c : sockets) {
            for (String frame : c.frames) {
                JsonObject m = new JsonObject(frame);
                if ("answerAck".equals(m.getString("type"))) {
                    assertEquals("ana-q0", m.getString("nonce"), "only the one answer is acknowledged");
                    assertEquals(0, m.getInteger("question"));
                    acks++;
                }
            }
        }
        return acks;
    }

    @Test
    void aResendWithTheSameNonceAfterAReconnectGetsTheOriginalAcknowledgementAndChangesNothing() {
        WsClient ana = game.join("Ana");
        WsClient ben = game.join("Ben");
        openFirstQuestion(3_000, ana, ben);
        ana.send(answer(RIGHT, "ana-q0-7f3a"));
        JsonObject original = ana.await("answerAck");

        // The phone loses its connection before it is sure the answer arrived, and comes back.
        String token = game.seatToken(ana);
        ana.close();
        host.await(m -> "playerConnection".equals(m.getString("type")) && !m.getBoolean("connected"), "a drop");
        time.advance(4_000);
        WsClient back = server.client();
        assertEquals("joined", game.rejoin(back, token).getString("type"));
        JsonObject snapshot = back.await("question");
        assertEquals(true, snapshot.getBoolean("answered"), "the snapshot says the answer is in");

        // The resend: same nonce, even with another option, gets the very same acknowledgement.
        back.send(answer(WRONG, "ana-q0-7f3a"));
        assertEquals(original, back.await("answerAck"));
        // Another nonce, or none, is a second answer: refused.
        back.send(answer(WRONG, "ana-q0-other"));
        assertEquals("already_answered", back.awaitError());
        back.send(answer(WRONG, null));
        assertEquals("already_answered", back.awaitError());

        ben.send(answer(RIGHT, "ben-q0"));
        JsonObject anaResult = back.await("result");
        JsonObject benResult = ben.await("result");
        assertTrue(anaResult.getBoolean("correct"), "the first answer stands, not the resend's option");
        assertTrue(anaResult.getInteger("points") > benResult.getInteger("points"),
                "scored at the time of the original answer (3 s), not of the resend (7 s), like Ben's");
        assertEquals(anaResult.getInteger("points"), anaResult.getInteger("score"), "scored once");
        assertEquals(2, host.await("reveal").getInteger("answered"));
    }

    @Test
    void claimedTimeLagScoreAndCorrectnessFieldsChangeNothing() {
        WsClient honest = game.join("Honest");
        WsClient cheat = game.join("Cheat");
        WsClient wrong = game.join("Wrong");
        openFirstQuestion(8_000, honest, cheat, wrong);

        honest.send(answer(RIGHT, "h"));
        JsonObject claims = answer(RIGHT, "c").put("time", 0).put("responseMs", 0).put("lag", 8_000)
                .put("latency", -8_000).put("clientTime", 1).put("sentAt", 0).put("score", 999_999)
                .put("points", 10_000).put("bonus", 5_000).put("streak", 99).put("correct", true).put("credit", 1.0)
                .put("playerId", 1).put("question", 0);
        cheat.send(claims);
        cheat.await("answerAck");
        wrong.send(answer(WRONG, "w").put("correct", true).put("credit", 1.0).put("points", 1000).put("score", 1000));
        // The last answer closes the question: its acknowledgement and the result may come in either order.
        JsonObject wrongResult = wrong.awaitEach("answerAck", "result").get("result");

        JsonObject honestResult = honest.await("result");
        JsonObject cheatResult = cheat.await("result");
        assertTrue(honestResult.getInteger("points") > 0);
        assertTrue(honestResult.getInteger("points") < 1000, "eight seconds in, the time counted");
        assertEquals(honestResult.getInteger("points"), cheatResult.getInteger("points"));
        assertEquals(honestResult.getInteger("score"), cheatResult.getInteger("score"));
        assertEquals(false, wrongResult.getBoolean("correct"));
        assertEquals(0, wrongResult.getInteger("points"));
        assertEquals(0, wrongResult.getInteger("score"));
    }
}
