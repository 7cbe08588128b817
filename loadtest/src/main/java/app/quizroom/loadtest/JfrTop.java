package app.quizroom.loadtest;

import io.vertx.core.json.JsonObject;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a server's time went during the play only (the warm-ups and the joins left out), from a Java Flight Recorder
 * file and the load tool's JSON of the same run ({@code playEpochMs}): samples by thread, the hottest frames, the
 * innermost Quizroom frame of each sample, what the threads were doing in native code (the idle wait left out), the
 * JIT's compilations and the garbage collector's pauses.
 * Run: {@code java -cp quizroom-loadtest.jar app.quizroom.loadtest.JfrTop RUN.jfr RUN.json [ROWS]}.
 */
public final class JfrTop {

    private static final String APP = "app.quizroom.";

    private JfrTop() {
    }

    public static void main(String[] args) throws IOException {
        JsonObject run = new JsonObject(Files.readString(Path.of(args[1])));
        Instant from = Instant.ofEpochMilli(run.getJsonObject("playEpochMs").getLong("started"));
        Instant to = Instant.ofEpochMilli(run.getJsonObject("playEpochMs").getLong("ended"));
        int rows = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        Map<String, Integer> javaThreads = new HashMap<>();
        Map<String, Integer> javaTop = new HashMap<>();
        Map<String, Integer> javaApp = new HashMap<>();
        Map<String, Integer> nativeTop = new HashMap<>();
        Map<String, Long> compiles = new HashMap<>();
        long compileNanos = 0;
        int compileCount = 0;
        long gcNanos = 0;
        int gcCount = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (e.getStartTime().isBefore(from) || e.getStartTime().isAfter(to)) {
                continue;
            }
            switch (e.getEventType().getName()) {
                case "jdk.ExecutionSample" -> {
                    javaThreads.merge(threadGroup(e.getThread("sampledThread")), 1, Integer::sum);
                    List<RecordedFrame> frames = frames(e.getStackTrace());
                    if (!frames.isEmpty()) {
                        javaTop.merge(name(frames.get(0)), 1, Integer::sum);
                    }
                    frames.stream().filter(f -> name(f).startsWith(APP)).findFirst()
                            .ifPresent(f -> javaApp.merge(name(f), 1, Integer::sum));
                }
                case "jdk.NativeMethodSample" -> {
                    List<RecordedFrame> frames = frames(e.getStackTrace());
                    String top = frames.isEmpty() ? "?" : name(frames.get(0));
                    if (!top.contains("EPoll.wait") && !top.contains("EPollSelectorImpl.doSelect") && !top.contains("WatchService")) {
                        nativeTop.merge(threadGroup(e.getThread("sampledThread")) + "  " + top, 1, Integer::sum);
                    }
                }
                case "jdk.Compilation" -> {
                    compileCount++;
                    compileNanos += e.getDuration().toNanos();
                    compiles.merge(e.getValue("method") instanceof jdk.jfr.consumer.RecordedMethod m
                            ? m.getType().getName() + "." + m.getName() + " (level " + e.getValue("compileLevel") + ")"
                            : "?", e.getDuration().toNanos(), Long::sum);
                }
                case "jdk.GarbageCollection" -> {
                    gcCount++;
                    gcNanos += e.getDuration("sumOfPauses").toNanos();
                }
                default -> {
                    // other events are not counted here
                }
            }
        }
        System.out.printf("# the play: %s to %s (%.1f s)%n", from, to, Duration.between(from, to).toMillis() / 1e3);
        System.out.println("# Java samples by thread");
        print(javaThreads, rows);
        System.out.println("# hottest frames (the sampled method itself)");
        print(javaTop, rows);
        System.out.println("# innermost Quizroom frame of each sample that has one");
        print(javaApp, rows);
        System.out.println("# native samples by thread and method, the idle wait for I/O left out");
        print(nativeTop, rows);
        System.out.printf("# JIT: %d compilations, %.0f ms compiling (wall time of the compiler threads)%n",
                compileCount, compileNanos / 1e6);
        compiles.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(rows)
                .forEach(c -> System.out.printf("%8.1f ms  %s%n", c.getValue() / 1e6, c.getKey()));
        System.out.printf("# GC: %d collections, %.1f ms of pauses%n", gcCount, gcNanos / 1e6);
    }

    private static List<RecordedFrame> frames(RecordedStackTrace trace) {
        return trace == null ? List.of() : trace.getFrames();
    }

    private static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    /** A thread's name without its number: the event loops count as one. */
    private static String threadGroup(RecordedThread t) {
        String name = t == null || t.getJavaName() == null ? "?" : t.getJavaName();
        return name.replaceAll("-?\\d+$", "");
    }

    private static void print(Map<String, Integer> counts, int rows) {
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(rows)
                .forEach(c -> System.out.printf("%6d  %s%n", c.getValue(), c.getKey()));
    }
}
