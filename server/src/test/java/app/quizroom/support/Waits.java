package app.quizroom.support;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Waiting on a queue filled by another thread (a socket's messages, a process's output). An interrupted wait gives
 * up as if its time were over, and the thread stays interrupted so that the test sees it.
 */
final class Waits {

    private Waits() {
    }

    /** The next element, waiting until {@code deadline} ({@link System#nanoTime()}); null if none came by then. */
    static <T> T pollUntil(BlockingQueue<T> queue, long deadline) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            return null;
        }
        try {
            return queue.poll(left, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The next element, waiting at most {@code millis}; null if none came. */
    static <T> T poll(BlockingQueue<T> queue, long millis) {
        return pollUntil(queue, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis));
    }
}
