package app.quizroom.loadtest;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A server started by the load tool as a child process on 127.0.0.1, so that its CPU and RSS are its own. */
final class ServerProcess implements AutoCloseable {

    private static final long START_TIMEOUT_MS = 60_000;

    final Process process;
    final int port;
    final Path log;
    /** The scratch results file a spawned Quizroom server writes to, or null: removed with its companions on close. */
    private final Path scratchDb;
    /** Process started → port accepting connections, in ms (polled every 20 ms). */
    long startMs;

    private ServerProcess(Process process, int port, Path log, Path scratchDb) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.scratchDb = scratchDb;
    }

    long pid() {
        return process.pid();
    }

    /** Starts the Quizroom server jar with a port picked here and waits until it listens. */
    static ServerProcess quizroom(Path jar, List<String> jvmArgs, Map<String, String> extraEnv, Path banks,
                                  int maxPlayers, int maxRooms) throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(javaBinary()));
        command.addAll(jvmArgs);
        command.addAll(List.of("-jar", jar.toString()));
        Map<String, String> env = new LinkedHashMap<>(LoadOptions.SPAWN_ENV);
        env.put("QUIZROOM_BANKS", banks.toAbsolutePath().toString());
        env.put("QUIZROOM_MAX_PLAYERS", Integer.toString(maxPlayers));
        env.put("QUIZROOM_MAX_ROOMS", Integer.toString(maxRooms));
        // results, if this server version keeps any, go to a scratch file, not the working folder
        Path db = Files.createTempFile("loadtest-", ".db");
        env.put("QUIZROOM_DB", db.toString());
        env.putAll(extraEnv);
        env.put("QUIZROOM_PORT", Integer.toString(port));
        env.put("QUIZROOM_BIND", "127.0.0.1");
        env.put("QUIZROOM_PUBLIC_URL", "http://127.0.0.1:" + port);
        return start(command, env, port, "quizroom", db);
    }

    /** Starts the bare broadcast server from this tool's own class path. */
    static ServerProcess bare(List<String> jvmArgs) throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(javaBinary()));
        command.addAll(jvmArgs);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), BareServer.class.getName(),
                Integer.toString(port)));
        return start(command, Map.of(), port, "bare", null);
    }

    private static ServerProcess start(List<String> command, Map<String, String> env, int port, String name,
                                       Path scratchDb) throws IOException, InterruptedException {
        Path log = Files.createTempFile("loadtest-" + name + "-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        long startedAt = System.nanoTime();
        Process process = builder.start();
        ServerProcess server = new ServerProcess(process, port, log, scratchDb);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MS);
        while (!listening(port)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                server.close();
                throw new IOException(name + " server did not start; see " + log + ":\n" + tail(log));
            }
            Thread.sleep(20);
        }
        server.startMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt);
        return server;
    }

    /** Lines of the server's log that the Vert.x blocked-thread checker wrote. */
    long blockedThreadWarnings() {
        try {
            return Files.readAllLines(log).stream().filter(l -> l.contains("has been blocked for")).count();
        } catch (IOException e) {
            return -1;
        }
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        if (scratchDb != null && !process.isAlive()) {
            for (String suffix : List.of("", "-wal", "-shm", "-journal", ".teacher-password")) {
                try {
                    Files.deleteIfExists(Path.of(scratchDb + suffix));
                } catch (IOException e) {
                    // a scratch file left in the temporary folder harms nothing
                }
            }
        }
    }
}
