package app.quizroom.loadtest;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The load tool's command line, read by picocli: option names, defaults, numbers, the repeatable
 * {@code --server-env}, unknown options and the usage text. {@link #options()} turns what was read into
 * {@link LoadOptions}, whose constructor checks the values as a whole (ranges, loopback, combinations).
 */
@Command(name = "LoadTool", sortOptions = false, separator = " ", usageHelpWidth = 120,
        customSynopsis = "java -cp quizroom-loadtest.jar app.quizroom.loadtest.LoadTool [options]")
final class LoadCommand {

    @Option(names = "--spawn-server", paramLabel = "JAR",
            description = "start this server jar for the run (fresh process, port picked here)")
    private Path serverJar;

    @Option(names = "--server-jvm", paramLabel = "\"FLAGS\"",
            description = "JVM flags for the started server and the bare server (e.g. \"-Xmx1g\")")
    private String serverJvm = "";

    @Option(names = "--server-env", paramLabel = "K=V", description = {
            "environment for the started server (repeatable), over the load defaults",
            "QUIZROOM_JOINS_PER_SECOND, QUIZROOM_JOIN_BURST, QUIZROOM_GAMES_PER_MINUTE=100000,",
            "QUIZROOM_CONNECTIONS_PER_ADDRESS=1000000"})
    private Map<String, String> serverEnv = new LinkedHashMap<>();

    @Option(names = "--banks", paramLabel = "DIR", defaultValue = "questions",
            description = "banks for the started server (${DEFAULT-VALUE})")
    private Path banksDir;

    @Option(names = "--host", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "loopback address of a running server (${DEFAULT-VALUE}); anything else is refused")
    private String host;

    @Option(names = "--port", paramLabel = "P", description = "port of a running server")
    private int port;

    @Option(names = "--server-pid", paramLabel = "PID", defaultValue = "-1",
            description = "its process id, for CPU and RSS from /proc")
    private long serverPid;

    @Option(names = "--nodes", paramLabel = "A:P,B:P,...", description = {
            "cluster mode: running nodes on loopback (e.g. 127.0.0.1:8081,127.0.0.1:8082);",
            "room r is created and hosted on node r mod n, its players go round-robin",
            "over all nodes (starting at the room's); metrics are read from the first",
            "node, /proc from --server-pid; not with --spawn-server or --warmup"})
    private String nodes;

    @Option(names = "--rooms", paramLabel = "M", defaultValue = "1", description = "rooms at once (${DEFAULT-VALUE})")
    private int rooms;

    @Option(names = "--players", paramLabel = "N", defaultValue = "100",
            description = "players per room (${DEFAULT-VALUE})")
    private int players;

    @Option(names = "--questions", paramLabel = "Q", defaultValue = "3",
            description = "questions per room, then the podium (${DEFAULT-VALUE})")
    private int questions;

    @Option(names = "--window", paramLabel = "S", defaultValue = "10",
            description = "seconds over which answers are spread after answering opens; 0 = at once (${DEFAULT-VALUE})")
    private double windowSeconds;

    @Option(names = "--reading", paramLabel = "S", defaultValue = "2",
            description = "reading time of each question, 0–20 (${DEFAULT-VALUE})")
    private int readingSeconds;

    @Option(names = "--join-concurrency", paramLabel = "C", defaultValue = "200",
            description = "players joining at once per room (${DEFAULT-VALUE})")
    private int joinConcurrency;

    @Option(names = "--bank", paramLabel = "ID", defaultValue = "lenins-testament",
            description = "bank to play (${DEFAULT-VALUE})")
    private String bank;

    @Option(names = "--no-bare", description = "skip the bare broadcast baseline")
    private boolean noBare;

    @Option(names = "--bare-repeats", paramLabel = "K", defaultValue = "5", description =
            "bare rounds measured (broadcasts and an answer burst), after 6 unmeasured (${DEFAULT-VALUE})")
    private int bareRepeats;

    @Option(names = "--phase-timeout", paramLabel = "S", defaultValue = "60",
            description = "longest wait for any one phase (${DEFAULT-VALUE})")
    private double phaseTimeoutSeconds;

    @Option(names = "--json", paramLabel = "FILE", description = "also write the JSON report to FILE")
    private Path jsonOut;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "0",
            description = "first play an unmeasured game of N players, 3 questions (${DEFAULT-VALUE})")
    private int warmupPlayers;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "print this usage")
    private boolean help;

    /**
     * The parser for a fresh command. A later value of an option replaces an earlier one (as {@code "$@"} after a
     * script's own options expects); an argument starting with {@code @} is a value, never a file to read.
     */
    static CommandLine commandLine(LoadCommand command) {
        return new CommandLine(command).setOverwrittenOptionsAllowed(true).setExpandAtFiles(false);
    }

    /** The options read, checked as a whole; throws {@link IllegalArgumentException} with the reason. */
    LoadOptions options() {
        for (String key : serverEnv.keySet()) {
            if (key.isEmpty()) {
                throw new IllegalArgumentException("--server-env needs KEY=VALUE, not =" + serverEnv.get(key));
            }
        }
        String flags = serverJvm.trim();
        List<String> jvm = flags.isEmpty() ? List.of() : List.of(flags.split("\\s+"));
        return new LoadOptions(host, port, serverPid, serverJar, jvm, serverEnv, banksDir, rooms, players, questions,
                Math.round(windowSeconds * 1000), readingSeconds, joinConcurrency, bank, !noBare, bareRepeats,
                Math.round(phaseTimeoutSeconds * 1000), jsonOut, warmupPlayers, nodes == null ? List.of() : nodeList(nodes));
    }

    /** {@code --nodes}: comma-separated HOST:PORT entries, blanks between commas skipped, at least one. */
    private static List<LoadOptions.Node> nodeList(String value) {
        List<LoadOptions.Node> list = new ArrayList<>();
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                list.add(LoadOptions.Node.parse(part));
            }
        }
        if (list.isEmpty()) {
            throw new IllegalArgumentException("--nodes needs at least one HOST:PORT");
        }
        return list;
    }
}
