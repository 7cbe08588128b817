package app.quizroom.loadtest;

import picocli.CommandLine;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What one run of the load tool does. Every limit that keeps the tool bounded lives here.
 *
 * @param host            the server's address: loopback only (127.0.0.0/8, ::1 or localhost)
 * @param port            the server's port; 0 when the tool starts the server itself ({@code serverJar})
 * @param serverPid       the server's process id, for CPU and RSS from /proc; -1 when unknown
 * @param serverJar       start this server jar as a child process (fresh for the run), or null
 * @param serverJvmArgs   JVM flags for the started server and the bare server
 * @param serverEnv       environment of the started server, over {@link #SPAWN_ENV}
 * @param banksDir        question banks for the started server
 * @param rooms           M rooms played at the same time
 * @param players         N players per room
 * @param questions       Q questions per room (at most the bank's count), then the podium
 * @param windowMs        answers are spread uniformly over this window after answering opens (0: all at once)
 * @param readingSeconds  the room's reading time (0–20)
 * @param joinConcurrency players connecting and joining at once, per room
 * @param bank            bank id
 * @param bare            also measure the bare broadcast server with the same client code
 * @param bareRepeats     broadcasts measured on the bare server (after one warm-up)
 * @param phaseTimeoutMs  the longest the tool waits for any one phase
 * @param jsonOut         also write the JSON report here, or null
 * @param warmupPlayers   players in an unmeasured warm-up game played first on the same server (0: none), so
 *                        that the server's JIT is warm as on a server that has been running
 * @param nodes           cluster mode: the nodes' loopback addresses (empty: one server, {@code host}:{@code port});
 *                        room r is created and hosted on node r mod n, its player i connects to node (r + i) mod n
 */
public record LoadOptions(String host, int port, long serverPid, Path serverJar, List<String> serverJvmArgs,
                          Map<String, String> serverEnv, Path banksDir, int rooms, int players, int questions, long windowMs, int readingSeconds,
                          int joinConcurrency, String bank, boolean bare, int bareRepeats, long phaseTimeoutMs,
                          Path jsonOut, int warmupPlayers, List<Node> nodes) {

    /** One node of a cluster run: a loopback address and a port. */
    public record Node(String host, int port) {
        public Node {
            host = loopbackOnly(host);
            require(port > 0 && port <= 65_535, "a node's port must be 1–65535");
        }

        /** Parses {@code 127.0.0.1:8081} or {@code [::1]:8081}; refuses anything not loopback. */
        static Node parse(String hostPort) {
            String s = hostPort.trim();
            int colon = s.lastIndexOf(':');
            if (colon <= 0 || colon == s.length() - 1) {
                throw new IllegalArgumentException("--nodes needs HOST:PORT entries, not '" + hostPort + "'");
            }
            int port;
            try {
                port = Integer.parseInt(s.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--nodes needs HOST:PORT entries, not '" + hostPort + "'");
            }
            return new Node(s.substring(0, colon), port);
        }
    }

    static final int MAX_CONNECTIONS = 19_000;

    /**
     * Limits of the started server lifted for load: the defaults let one address create 20 games a minute and
     * let 50 players a second into a room, which would turn a 10,000-player join into minutes of waiting.
     */
    static final Map<String, String> SPAWN_ENV = Map.of(
            "QUIZROOM_JOINS_PER_SECOND", "100000",
            "QUIZROOM_JOIN_BURST", "100000",
            "QUIZROOM_GAMES_PER_MINUTE", "100000",
            "QUIZROOM_CONNECTIONS_PER_ADDRESS", "1000000");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    public LoadOptions {
        host = loopbackOnly(host);
        serverJvmArgs = List.copyOf(serverJvmArgs);
        serverEnv = Map.copyOf(serverEnv);
        nodes = List.copyOf(nodes);
        require(nodes.size() <= 16, "--nodes takes at most 16 addresses");
        require(nodes.isEmpty() || serverJar == null, "--spawn-server starts one node; give --nodes or --spawn-server, not both");
        require(nodes.isEmpty() || warmupPlayers == 0, "--warmup is for one server; not with --nodes");
        if (!nodes.isEmpty()) {
            // the first node stands for "the server" wherever one address is meant (metrics, /proc)
            host = nodes.get(0).host();
            port = nodes.get(0).port();
        }
        require(rooms >= 1 && rooms <= 1000, "--rooms must be 1–1000");
        require(players >= 1 && players <= 20_000, "--players must be 1–20000");
        require((long) rooms * (players + 1) <= MAX_CONNECTIONS, "rooms × (players + 1) must be at most " + MAX_CONNECTIONS);
        require(questions >= 1 && questions <= 50, "--questions must be 1–50");
        require(windowMs >= 0 && windowMs <= 200_000, "--window must be 0–200 s");
        require(readingSeconds >= 0 && readingSeconds <= 20, "--reading must be 0–20");
        require(joinConcurrency >= 1 && joinConcurrency <= 5_000, "--join-concurrency must be 1–5000");
        require(bareRepeats >= 1 && bareRepeats <= 50, "--bare-repeats must be 1–50");
        require(phaseTimeoutMs >= 1_000 && phaseTimeoutMs <= 600_000, "--phase-timeout must be 1–600 s");
        require(warmupPlayers >= 0 && warmupPlayers <= 5_000, "--warmup must be 0–5000");
        require(port > 0 || serverJar != null, "give --port (and --server-pid), --nodes or --spawn-server JAR");
    }

    /** The node room {@code room} is created and hosted on: round-robin over the nodes, or the one server. */
    Node roomNode(int room) {
        return nodes.isEmpty() ? new Node(host, port) : nodes.get(Math.floorMod(room, nodes.size()));
    }

    /** The node player {@code player} of room {@code room} connects to: round-robin, starting at the room's node. */
    Node playerNode(int room, int player) {
        return nodes.isEmpty() ? new Node(host, port) : nodes.get(Math.floorMod(room + player, nodes.size()));
    }

    /** The command line's defaults against the server on {@code port}: small, for the test and for trying the tool. */
    public static LoadOptions defaults(int port) {
        return parse("--port", String.valueOf(port));
    }

    public LoadOptions withShape(int rooms, int players, int questions, long windowMs, int readingSeconds) {
        return new LoadOptions(host, port, serverPid, serverJar, serverJvmArgs, serverEnv, banksDir, rooms, players, questions,
                windowMs, readingSeconds, joinConcurrency, bank, bare, bareRepeats, phaseTimeoutMs, jsonOut, warmupPlayers, nodes);
    }

    /** The warm-up game: a smaller room, answers at once, no baseline, no warm-up of its own. */
    LoadOptions warmupGame() {
        return new LoadOptions(host, port, serverPid, serverJar, serverJvmArgs, serverEnv, banksDir, 1, warmupPlayers,
                3, 500, 0, joinConcurrency, bank, false, bareRepeats, phaseTimeoutMs, null, 0, nodes);
    }

    public LoadOptions withBare(boolean on) {
        return new LoadOptions(host, port, serverPid, serverJar, serverJvmArgs, serverEnv, banksDir, rooms, players, questions,
                windowMs, readingSeconds, joinConcurrency, bank, on, bareRepeats, phaseTimeoutMs, jsonOut, warmupPlayers, nodes);
    }

    LoadOptions withServer(int newPort, long pid) {
        return new LoadOptions(host, newPort, pid, serverJar, serverJvmArgs, serverEnv, banksDir, rooms, players, questions,
                windowMs, readingSeconds, joinConcurrency, bank, bare, bareRepeats, phaseTimeoutMs, jsonOut, warmupPlayers, nodes);
    }

    /** The answering time asked of the room: the window plus room for stragglers, within the server's 5–240 s. */
    int timeLimitSeconds() {
        return (int) Math.min(240, Math.max(20, Math.ceil(windowMs / 1000.0) + 20));
    }

    /**
     * Reads the tool's command line (see {@link LoadCommand} for the options); throws
     * {@link IllegalArgumentException} naming what was wrong: an unknown option, a missing or malformed value, or
     * values that do not go together.
     */
    public static LoadOptions parse(String... args) {
        LoadCommand command = new LoadCommand();
        try {
            LoadCommand.commandLine(command).parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return command.options();
    }

    /** Returns the address as a loopback IP literal, or refuses it: this tool never sends traffic elsewhere. */
    static String loopbackOnly(String host) {
        String h = host == null ? "" : host.trim();
        if (h.equalsIgnoreCase("localhost")) {
            return "127.0.0.1";
        }
        boolean literal = IPV4.matcher(h).matches() || h.equals("::1") || h.equals("[::1]");
        if (literal) {
            try {
                // a literal is parsed, never looked up
                if (InetAddress.getByName(h.replace("[", "").replace("]", "")).isLoopbackAddress()) {
                    return h.replace("[", "").replace("]", "");
                }
            } catch (UnknownHostException ignored) {
                // not an address: refused below
            }
        }
        throw new IllegalArgumentException("refusing target '" + host + "': the load tool only talks to loopback "
                + "(127.0.0.0/8, ::1, localhost)");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
