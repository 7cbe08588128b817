package app.quizroom.transport;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoopWritesTest {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void writesFromOtherThreadsRunOnTheLoopInTheOrderEachThreadHandedThemOver() throws Exception {
        Context context = vertx.getOrCreateContext();
        LoopWrites writes = writesOf(context);
        int perThread = 20_000;
        // Touched only on the loop, which the test checks for every write.
        List<List<Integer>> seen = List.of(new ArrayList<>(), new ArrayList<>());
        boolean[] offLoop = new boolean[1];
        CountDownLatch done = new CountDownLatch(2 * perThread);
        List<Thread> producers = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            int producer = t;
            producers.add(new Thread(() -> {
                for (int i = 0; i < perThread; i++) {
                    int n = i;
                    writes.post(() -> {
                        offLoop[0] |= !Context.isOnEventLoopThread();
                        seen.get(producer).add(n);
                        done.countDown();
                    });
                }
            }));
        }
        producers.forEach(Thread::start);
        assertTrue(done.await(30, TimeUnit.SECONDS), "every write ran");
        CompletableFuture<Void> read = new CompletableFuture<>();
        context.runOnContext(v -> {
            for (List<Integer> s : seen) {
                for (int i = 0; i < perThread; i++) {
                    if (s.get(i) != i) {
                        read.completeExceptionally(new AssertionError("write " + s.get(i) + " ran at " + i));
                        return;
                    }
                }
            }
            read.complete(null);
        });
        read.get(10, TimeUnit.SECONDS);
        assertEquals(false, offLoop[0], "every write ran on the loop");
    }

    @Test
    void aFailingWriteDoesNotHoldBackTheWritesBehindIt() throws Exception {
        LoopWrites writes = writesOf(vertx.getOrCreateContext());
        CountDownLatch after = new CountDownLatch(1);
        Thread producer = new Thread(() -> {
            writes.post(() -> {
                throw new IllegalStateException("this socket's write fails");
            });
            writes.post(after::countDown);
        });
        producer.start();
        assertTrue(after.await(10, TimeUnit.SECONDS), "the write behind the failing one ran");
    }

    private static LoopWrites writesOf(Context context) throws Exception {
        CompletableFuture<LoopWrites> writes = new CompletableFuture<>();
        context.runOnContext(v -> writes.complete(LoopWrites.of(context)));
        return writes.get(10, TimeUnit.SECONDS);
    }
}
