package app.quizroom.loadtest;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one question's frames did across a room's players: latches the room's driver waits on, and the first and
 * last arrival times. Written from the players' event loops, read by the driver.
 */
final class QuestionTrack {

    final CountDownLatch questions;
    final CountDownLatch results;
    final CountDownLatch reveal = new CountDownLatch(1);
    final CountDownLatch leaderboard = new CountDownLatch(1);
    final AtomicLong lastQuestion = new AtomicLong(Long.MIN_VALUE);
    final AtomicLong firstAnswering = new AtomicLong(Long.MAX_VALUE);
    final AtomicLong lastAnswering = new AtomicLong(Long.MIN_VALUE);
    final AtomicLong lastAnswerSent = new AtomicLong(Long.MIN_VALUE);
    final AtomicLong firstResult = new AtomicLong(Long.MAX_VALUE);
    final AtomicLong lastResult = new AtomicLong(Long.MIN_VALUE);
    volatile long commandAt;
    volatile long revealAt;
    volatile int questionBytes;

    QuestionTrack(int players) {
        questions = new CountDownLatch(players);
        results = new CountDownLatch(players);
    }
}
