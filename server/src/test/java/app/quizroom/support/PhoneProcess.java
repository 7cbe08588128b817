package app.quizroom.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link RejoiningPhone} in a JVM of its own and reads its reports, so that a test can freeze it
 * ({@link #freeze()}, SIGSTOP), thaw it ({@link #thaw()}, SIGCONT) or kill it, and wait for what it says.
 */
public final class PhoneProcess implements AutoCloseable {

    private final Process process;
    private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    /** Every line the phone printed, in order. */
    public final List<String> transcript = new CopyOnWriteArrayList<>();
    private boolean frozen;

    private PhoneProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    transcript.add(line);
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process went away
            }
        }, "phone-process-reader");
        reader.setDaemon(true);
        reader.start();
    }

    public static PhoneProcess start(int port, String pin, String name) {
        ProcessBuilder builder = new ProcessBuilder(ServerProcess.javaExecutable(), "-Xmx32m", "-XX:TieredStopAtLevel=1",
                "-cp", ServerProcess.testClassPath(), RejoiningPhone.class.getName(), Integer.toString(port), pin, name)
                .redirectErrorStream(true);
        try {
            return new PhoneProcess(builder.start());
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the phone process", e);
        }
    }

    public long pid() {
        return process.pid();
    }

    /** Waits for the next line starting with {@code prefix}, skipping others; fails after {@code timeoutMs}. */
    public String awaitLine(String prefix, long timeoutMs) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (true) {
            String line = Waits.pollUntil(lines, deadline);
            if (line == null) {
                throw new AssertionError("the phone did not say '" + prefix + "' within " + timeoutMs + " ms; it said "
                        + transcript + (process.isAlive() ? "" : " and exited with " + process.exitValue()));
            }
            if (line.startsWith(prefix)) {
                return line;
            }
        }
    }

    /** SIGSTOP: the process stops dead, its sockets stay open, nothing is read or answered. */
    public void freeze() {
        signal("STOP");
        frozen = true;
    }

    /** SIGCONT. */
    public void thaw() {
        signal("CONT");
        frozen = false;
    }

    private void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
            if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + name + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (frozen && process.isAlive()) {
            thaw();
        }
        try {
            process.getOutputStream().close(); // the phone exits when its input closes
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (IOException ignored) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
