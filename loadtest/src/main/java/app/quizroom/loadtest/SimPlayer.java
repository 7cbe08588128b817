package app.quizroom.loadtest;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One simulated phone: joins with a nickname, answers each question at a random moment of the answer window with
 * an answer of the right shape, and notes when each frame arrived. Its fields are written on its socket's event
 * loop and read by the room's driver only after a latch or the end of the game.
 */
final class SimPlayer {

    private final SimRoom room;
    private final Vertx vertx;
    final String name;
    private final int questions;
    /** Answers are sent at a uniformly random moment in this window after answering opens (0: at once). */
    private final long windowMs;
    /** A refused join with {@code rate_limited} is sent again after a pause, this many times at most. */
    static final int MAX_JOIN_RETRIES = 20;

    private ClientWebSocket socket;
    private String joinFrame;
    private final Promise<Boolean> joined = Promise.promise();
    private volatile boolean closingByUs;

    volatile boolean seated;
    volatile boolean dropped;
    volatile String joinError;
    /** Per question: when the frame arrived (System.nanoTime), or 0. */
    final long[] questionAt;
    final long[] resultAt;
    final long[] answerSentAt;
    final long[] ackAt;
    final int[] acks;
    /** Per question: the error code an answer was refused with, or null. */
    final String[] refused;
    /** Per question: what the {@code result} said about this player's answer ({@code answered}), or null. */
    final Boolean[] resultSaysAnswered;
    private final String[] questionType;
    private final int[] optionCount;
    volatile long finalAt;
    volatile long finishedAt;
    volatile int otherErrors;
    volatile int joinRetries;

    SimPlayer(SimRoom room, Vertx vertx, String name, int questions, long windowMs) {
        this.room = room;
        this.vertx = vertx;
        this.name = name;
        this.questions = questions;
        this.windowMs = windowMs;
        questionAt = new long[questions];
        resultAt = new long[questions];
        answerSentAt = new long[questions];
        ackAt = new long[questions];
        acks = new int[questions];
        refused = new String[questions];
        resultSaysAnswered = new Boolean[questions];
        questionType = new String[questions];
        optionCount = new int[questions];
    }

    /** Connects and sends {@code join}; the future says whether a seat was given (never fails). */
    Future<Boolean> connectAndJoin(WebSocketClient client, String host, int port, String pin) {
        socket = client.webSocket();
        // Handlers before connecting, so that no frame is missed.
        socket.textMessageHandler(this::onText);
        socket.closeHandler(v -> {
            if (!closingByUs) {
                dropped = true;
                if (!seated && joinError == null) {
                    // closed before a seat: say how, among the join refusals
                    joinError = "closed " + socket.closeStatusCode() + " before joined";
                }
                joined.tryComplete(false);
            }
        });
        socket.exceptionHandler(e -> otherErrors++);
        joinFrame = new JsonObject().put("type", "join").put("pin", pin).put("name", name).encode();
        socket.connect(new WebSocketConnectOptions().setHost(host).setPort(port).setURI("/ws?pin=" + pin))
                .compose(ws -> socket.writeTextMessage(joinFrame))
                .onFailure(e -> {
                    joinError = "connect: " + e.getMessage();
                    joined.tryComplete(false);
                });
        return joined.future();
    }

    private void onText(String text) {
        long now = System.nanoTime();
        // Only the fields read below, found without parsing the whole frame (see FrameFields).
        FrameFields m = FrameFields.of(text);
        String type = m.string("type", "");
        switch (type) {
            case "joined" -> {
                seated = true;
                joined.tryComplete(true);
            }
            case "question" -> {
                int q = m.integer("index", -1);
                if (q >= 0 && q < questions && questionAt[q] == 0) {
                    questionAt[q] = now;
                    questionType[q] = m.string("questionType", null);
                    optionCount[q] = m.integer("optionCount", 0);
                    room.onPlayerQuestion(q, now, text);
                }
            }
            case "answering" -> {
                int q = m.integer("index", -1);
                if (q >= 0 && q < questions) {
                    room.onPlayerAnswering(q, now);
                    long delay = windowMs == 0 ? 0 : ThreadLocalRandom.current().nextLong(windowMs + 1);
                    if (delay == 0) {
                        answer(q);
                    } else {
                        vertx.setTimer(delay, id -> answer(q));
                    }
                }
            }
            case "answerAck" -> {
                int q = m.integer("question", -1);
                if (q >= 0 && q < questions) {
                    if (acks[q]++ == 0) {
                        ackAt[q] = now;
                        if (refused[q] == null) {
                            room.onAnswerSettled();
                        }
                    }
                }
            }
            case "result" -> {
                int q = m.integer("index", -1);
                if (q >= 0 && q < questions && resultAt[q] == 0) {
                    resultAt[q] = now;
                    resultSaysAnswered[q] = m.bool("answered");
                    room.onPlayerResult(q, now);
                }
            }
            case "final" -> {
                if (finalAt == 0) {
                    finalAt = now;
                    room.onPlayerFinal(now);
                }
            }
            case "finished" -> {
                if (finishedAt == 0) {
                    finishedAt = now;
                    room.onPlayerFinished();
                }
            }
            case "error" -> {
                if ("answer".equals(m.string("ref", null))) {
                    refusedAnswer(m.string("code", "?"));
                } else if ("join".equals(m.string("ref", null))) {
                    retryOrFailJoin(m.string("code", null));
                } else {
                    otherErrors++;
                }
            }
            default -> {
                // nothing to measure in other frames
            }
        }
    }

    private void retryOrFailJoin(String code) {
        if ("rate_limited".equals(code) && joinRetries < MAX_JOIN_RETRIES && !socket.isClosed()) {
            joinRetries++;
            vertx.setTimer(200 + ThreadLocalRandom.current().nextInt(200), id -> {
                if (!socket.isClosed()) {
                    socket.writeTextMessage(joinFrame);
                }
            });
            return;
        }
        joinError = code;
        joined.tryComplete(false);
    }

    private void refusedAnswer(String code) {
        for (int q = questions - 1; q >= 0; q--) {
            if (answerSentAt[q] != 0 && refused[q] == null && acks[q] == 0) {
                refused[q] = code;
                room.onAnswerSettled();
                return;
            }
        }
        otherErrors++;
    }

    /** Sends an answer of the shape the question asks for; the choice itself is random. */
    private void answer(int q) {
        String type = questionType[q];
        if (type == null || socket.isClosed()) {
            return; // the question frame never came: counted as a missing question, not an answer
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int n = Math.max(1, optionCount[q]);
        JsonObject a = new JsonObject().put("type", "answer").put("question", q).put("nonce", "q" + q);
        switch (type) {
            case "multi" -> a.put("options", new JsonArray().add(random.nextInt(n)));
            case "order" -> {
                List<Integer> order = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    order.add(i);
                }
                Collections.shuffle(order, random);
                a.put("order", new JsonArray(new ArrayList<>(order)));
            }
            case "numeric" -> a.put("value", 1900 + random.nextInt(40));
            default -> a.put("option", random.nextInt(n));
        }
        String json = a.encode();
        long now = System.nanoTime();
        answerSentAt[q] = now;
        room.onAnswerSent(q, now);
        socket.writeTextMessage(json).onFailure(e -> otherErrors++);
    }

    void close() {
        closingByUs = true;
        if (socket != null && !socket.isClosed()) {
            socket.close();
        }
    }

    /** Counts refusals by code into {@code into}. */
    void countRefusals(Map<String, Integer> into) {
        for (String code : refused) {
            if (code != null) {
                into.merge(code, 1, Integer::sum);
            }
        }
    }
}
