package app.quizroom.support;


import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/** A clock and scheduler that move only when a test says so. Thread-safe; due tasks run on the caller's thread. */
public final class ManualTime implements Clock, Scheduler {

    private record Task(long due, long order, Runnable action, boolean[] cancelled) {
    }

    private final PriorityQueue<Task> tasks = new PriorityQueue<>(
            (a, b) -> a.due != b.due ? Long.compare(a.due, b.due) : Long.compare(a.order, b.order));
    private long now = 1_000_000;
    private long order;

    @Override
    public synchronized long millis() {
        return now;
    }

    @Override
    public synchronized Cancellable schedule(long delayMs, Runnable action) {
        boolean[] cancelled = {false};
        tasks.add(new Task(now + Math.max(0, delayMs), order++, action, cancelled));
        return () -> {
            synchronized (ManualTime.this) {
                cancelled[0] = true;
            }
        };
    }

    /** Moves the clock forward, running every task that falls due on the way, in order. */
    public void advance(long ms) {
        long target;
        synchronized (this) {
            target = now + ms;
        }
        while (true) {
            Runnable due = null;
            synchronized (this) {
                Task next = tasks.peek();
                if (next != null && next.due <= target) {
                    tasks.poll();
                    now = Math.max(now, next.due);
                    if (!next.cancelled[0]) {
                        due = next.action;
                    }
                } else {
                    now = target;
                    return;
                }
            }
            if (due != null) {
                due.run();
            }
        }
    }

    /** Tasks still waiting (cancelled ones excluded). */
    public synchronized List<Long> pendingDueTimes() {
        List<Long> due = new ArrayList<>();
        for (Task t : tasks) {
            if (!t.cancelled[0]) {
                due.add(t.due);
            }
        }
        return due;
    }
}
