package app.quizroom.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real server ({@code app.quizroom.Main}) in a JVM of its own, on a free port of 127.0.0.1, with the test
 * classpath: for tests that must starve it of memory, crash it ({@link #kill9()}) or restart it on the same port
 * and database ({@link #restart()}). Its output goes to {@code target/server-process-<port>-<n>.log}.
 */
public final class ServerProcess implements AutoCloseable {

    /** A cluster node on a loaded machine may take a while to find its members. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static int launches;

    private final List<String> jvmArgs;
    private final String mainClass;
    private final Map<String, String> env;
    /** The process's limit on open files ({@code ulimit -n}), or 0 to inherit the test's. */
    private final int descriptorLimit;
    private final int port;
    private final Path log;
    private final Process process;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * Starts the server and waits until {@code /health} answers.
     *
     * @param jvmArgs JVM options such as {@code -Xmx64m}
     * @param env     QUIZROOM_* settings; QUIZROOM_PORT (a free port), QUIZROOM_BIND (127.0.0.1), QUIZROOM_BANKS
     *                (the project's questions), QUIZROOM_PUBLIC_URL and QUIZROOM_DB (a fresh temporary file) are
     *                filled in unless given
     */
    public static ServerProcess start(List<String> jvmArgs, Map<String, String> env) {
        return start(jvmArgs, env, 0, "app.quizroom.Main");
    }

    /** As {@link #start(List, Map)}, in a process allowed at most {@code descriptorLimit} open files. */
    public static ServerProcess start(List<String> jvmArgs, Map<String, String> env, int descriptorLimit) {
        return start(jvmArgs, env, descriptorLimit, "app.quizroom.Main");
    }

    /** As {@link #start(List, Map)}, with another main class of the test classpath (one that wraps the server). */
    public static ServerProcess start(List<String> jvmArgs, Map<String, String> env, String mainClass) {
        return start(jvmArgs, env, 0, mainClass);
    }

    private static ServerProcess start(List<String> jvmArgs, Map<String, String> env, int descriptorLimit,
                                       String mainClass) {
        Map<String, String> settings = new LinkedHashMap<>(env);
        settings.putIfAbsent("QUIZROOM_PORT", Integer.toString(freePort()));
        settings.putIfAbsent("QUIZROOM_BIND", "127.0.0.1");
        settings.putIfAbsent("QUIZROOM_BANKS", TestServer.projectRoot().resolve("questions").toString());
        settings.putIfAbsent("QUIZROOM_PUBLIC_URL", "http://127.0.0.1:" + settings.get("QUIZROOM_PORT"));
        settings.putIfAbsent("QUIZROOM_GAMES_PER_MINUTE", "100000");
        if (!settings.containsKey("QUIZROOM_DB")) {
            try {
                settings.put("QUIZROOM_DB", Files.createTempDirectory("quizroom-process-db").resolve("results.db")
                        .toString());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return new ServerProcess(List.copyOf(jvmArgs), settings, descriptorLimit, mainClass);
    }

    private ServerProcess(List<String> jvmArgs, Map<String, String> env, int descriptorLimit, String mainClass) {
        this.jvmArgs = jvmArgs;
        this.mainClass = mainClass;
        this.env = Map.copyOf(env);
        this.descriptorLimit = descriptorLimit;
        this.port = Integer.parseInt(env.get("QUIZROOM_PORT"));
        List<String> command = new ArrayList<>();
        if (descriptorLimit > 0) {
            // The shell lowers the limit, then becomes the JVM (exec), so the process id stays the server's.
            command.addAll(List.of("/bin/sh", "-c", "ulimit -n " + descriptorLimit + " && exec \"$@\"", "sh"));
        }
        command.add(javaExecutable());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(testClassPath());
        command.add(mainClass);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("QUIZROOM_"));
        builder.environment().putAll(env);
        try {
            Path dir = Files.createDirectories(Path.of("target"));
            synchronized (ServerProcess.class) {
                launches++;
                this.log = dir.resolve("server-process-" + port + "-" + launches + ".log").toAbsolutePath();
            }
            builder.redirectOutput(log.toFile());
            this.process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the server process", e);
        }
        awaitHealthy();
    }

    /** The classpath of the running tests (surefire's real one when it hides it behind a manifest jar). */
    public static String testClassPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** A port that was free on 127.0.0.1 a moment ago. */
    public static int freePort() {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress("127.0.0.1", 0));
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitHealthy() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server process exited with " + process.exitValue() + ":\n"
                        + logTail());
            }
            if (healthy()) {
                return;
            }
            try {
                // Polling a process that is starting: nothing to wait on but its port.
                process.waitFor(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("the server process did not answer /health within " + START_TIMEOUT + ":\n"
                + logTail());
    }

    /** True if {@code GET /health} answers 200 within two seconds. */
    public boolean healthy() {
        try {
            return get("/health").statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    public HttpResponse<String> get(String path) throws IOException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** As {@link #get(String)}, waiting up to {@code timeout} (a loaded machine, a cold code path). */
    public HttpResponse<String> get(String path, Duration timeout) throws IOException {
        return send(HttpRequest.newBuilder(uri(path)).GET(), timeout);
    }

    public HttpResponse<String> post(String path, String json) throws IOException {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** As {@link #post(String, String)}, waiting up to {@code timeout} (a loaded machine, a cold code path). */
    public HttpResponse<String> post(String path, String json, Duration timeout) throws IOException {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), timeout);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        return send(request, Duration.ofSeconds(2));
    }

    private HttpResponse<String> send(HttpRequest.Builder request, Duration timeout) throws IOException {
        try {
            return http.send(request.timeout(timeout).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The settings the process was started with. */
    public Map<String, String> env() {
        return env;
    }

    public Path logFile() {
        return log;
    }

    /** The last lines of the process's output, for failure messages. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Sends SIGTERM and returns at once (the shutdown hooks run; see {@link #awaitExit(int)}). */
    public void terminate() {
        process.destroy();
    }

    /** Kills the JVM at once (SIGKILL): no shutdown hook runs, nothing is flushed. Waits until it is gone. */
    public void kill9() {
        process.destroyForcibly();
        awaitExit(10);
    }

    /** Asks the JVM to stop (SIGTERM, so shutdown hooks run); kills it if it is still there after 15 s. */
    public void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!awaitExit(15)) {
            process.destroyForcibly();
            awaitExit(10);
        }
    }

    /** Starts a new process with the same JVM options and settings (same port, same database). */
    public ServerProcess restart() {
        if (process.isAlive()) {
            throw new IllegalStateException("stop or kill the running process first");
        }
        return new ServerProcess(jvmArgs, env, descriptorLimit, mainClass);
    }

    /** True if the process exited within that many seconds. */
    public boolean awaitExit(int seconds) {
        try {
            return process.waitFor(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
