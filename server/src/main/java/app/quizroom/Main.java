package app.quizroom;

import app.quizroom.bank.Bank;
import app.quizroom.bank.BankLoader;
import app.quizroom.bank.BankProblem;
import app.quizroom.bank.FairnessCheck;
import app.quizroom.config.ClusterConfig;
import app.quizroom.config.Config;
import app.quizroom.config.DatabaseSettings;
import app.quizroom.server.QuizServer;
import app.quizroom.server.SocketWarmup;
import app.quizroom.server.Warmup;
import app.quizroom.store.SqliteToPostgres;
import app.quizroom.support.Clock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts the server ({@code java -jar quizroom.jar}), checks banks without starting it
 * ({@code java -jar quizroom.jar validate FOLDER...}), or copies past games from SQLite into PostgreSQL
 * ({@code java -jar quizroom.jar migrate --from quizroom.db --to postgresql://...}).
 */
public final class Main {

    private static final System.Logger LOG = System.getLogger("quizroom");

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT %4$s %3$s: %5$s%6$s%n");
        if (args.length > 0 && args[0].equals("validate")) {
            System.exit(validate(args));
        }
        if (args.length > 0 && args[0].equals("migrate")) {
            System.exit(migrate(args, System.getenv()));
        }
        if (args.length > 0) {
            System.err.println("usage: java -jar quizroom.jar            start the server");
            System.err.println("       java -jar quizroom.jar validate [--strict] [--notes FILE] FOLDER...");
            System.err.println("                                    check banks and exit");
            System.err.println("       java -jar quizroom.jar migrate --from FILE.db --to postgresql://user@host:port/db");
            System.err.println("                                    copy past games from SQLite into PostgreSQL");
            System.exit(2);
        }
        Config config;
        ClusterConfig cluster;
        try {
            config = Config.fromEnv(System.getenv());
            cluster = ClusterConfig.fromEnv(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("configuration: " + e.getMessage());
            System.exit(2);
            return;
        }
        config.describe().forEach((key, value) -> LOG.log(Level.INFO, "config " + key + "=" + value));
        cluster.describe().forEach((key, value) -> LOG.log(Level.INFO, "config " + key + "=" + value));
        if (!Files.isDirectory(config.banksDir())) {
            LOG.log(Level.ERROR, "no banks folder at " + config.banksDir().toAbsolutePath()
                    + "; set QUIZROOM_BANKS to a folder of banks");
            System.exit(1);
        }
        long startedAt = System.nanoTime();
        try {
            LOG.log(Level.INFO, "warmed up in " + Warmup.run() + " ms (games played in memory, nothing kept)");
        } catch (Exception | LinkageError e) {
            // Only the first game's speed depends on it.
            LOG.log(Level.WARNING, "the warm-up failed, the first game may be slower: " + e);
        }
        try {
            LOG.log(Level.INFO, "warmed up over sockets in " + SocketWarmup.run()
                    + " ms (a game on a throwaway server on 127.0.0.1, nothing kept)");
        } catch (Exception | LinkageError e) {
            LOG.log(Level.WARNING, "the socket warm-up failed, the first game may be slower: " + e);
        }
        // The warm-ups' garbage goes before the server listens: left in the heap, G1 sized its young generation by
        // their allocation burst and grew into fresh memory during the first joins (RSS growth at 1,000 players was
        // 55-60 KiB a player after the socket warm-up without this collection, 8.6 with it; 12 without warm-up).
        System.gc();
        // The server reads the banks itself, and again whenever the folder changes (the editor saves there).
        QuizServer server = new QuizServer(config, cluster, Clock.SYSTEM);
        try {
            // Joining a cluster waits for Hazelcast to find its members.
            server.start().await(cluster.enabled() ? 120 : 30, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.log(Level.ERROR, "the server could not start: " + e.getMessage());
            System.exit(1);
        }
        LOG.log(Level.INFO, "started in " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt) + " ms");
        LOG.log(Level.INFO, "Quizroom is running: projector at http://localhost:" + server.port()
                + "/host, phones join at " + server.publicUrl() + "; banks are edited at http://localhost:"
                + server.port() + "/editor");
        if (server.library().current().banks().isEmpty()) {
            LOG.log(Level.WARNING, "no valid question bank in " + config.banksDir().toAbsolutePath()
                    + " yet: write one in the editor or fix the problems above");
        }
        if (server.generatedTeacherPassword() != null) {
            // Printed for the person at the server: a projector on another computer needs it to create games.
            LOG.log(Level.INFO, "teacher password, for creating games from another computer: "
                    + server.generatedTeacherPassword() + (server.teacherPasswordProblem() == null
                    ? " (kept in " + server.teacherPasswordFile().toAbsolutePath() + ")"
                    : " (could not be kept in " + server.teacherPasswordFile().toAbsolutePath() + ": "
                    + server.teacherPasswordProblem() + "; it changes at the next start)")
                    + "; this computer's browser needs none");
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.drainAndStop().await(cluster.drainSeconds() + config.shutdownGraceSeconds() + 15L,
                        TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // exiting anyway
            }
        }, "quizroom-shutdown"));
    }

    /**
     * Copies every game of an SQLite file into PostgreSQL ({@link SqliteToPostgres}); the password comes from
     * QUIZROOM_DATABASE_PASSWORD or QUIZROOM_DATABASE_PASSWORD_FILE, as for the server. Returns 0 when done
     * (a second run copies nothing and says so), 1 on a failure, 2 on a usage error.
     */
    static int migrate(String[] args, Map<String, String> env) {
        String from = null;
        String to = null;
        for (int i = 1; i < args.length; i++) {
            if ((args[i].equals("--from") || args[i].equals("--to")) && i + 1 < args.length) {
                if (args[i].equals("--from")) {
                    from = args[++i];
                } else {
                    to = args[++i];
                }
            } else {
                from = null;
                break;
            }
        }
        if (from == null || to == null) {
            System.out.println("usage: java -jar quizroom.jar migrate --from FILE.db --to postgresql://user@host:port/db"
                    + " (password in QUIZROOM_DATABASE_PASSWORD or QUIZROOM_DATABASE_PASSWORD_FILE)");
            return 2;
        }
        DatabaseSettings target;
        try {
            Map<String, String> settings = new HashMap<>(env);
            settings.put("QUIZROOM_DATABASE_URL", to);
            target = DatabaseSettings.fromEnv(settings);
        } catch (IllegalArgumentException e) {
            System.out.println("configuration: " + e.getMessage());
            return 2;
        }
        try {
            SqliteToPostgres.Outcome outcome = SqliteToPostgres.copy(Path.of(from), target);
            System.out.println("copied " + outcome.copied() + " game(s) (" + outcome.rows() + " rows) from " + from
                    + " into " + target.url() + "; " + outcome.alreadyThere() + " game(s) were there already");
            return 0;
        } catch (SQLException | RuntimeException e) {
            System.out.println("migrate failed: " + e.getMessage() + " (games copied before the failure are kept;"
                    + " run it again to copy the rest)");
            return 1;
        }
    }

    /**
     * Validates each folder (or file) named; prints problems, then warnings; returns 0 if all is valid, 1 on any
     * error (or any warning with {@code --strict}), 2 on a usage error. {@code --notes FILE} names the study notes
     * the banks were written from, so true/false statements copied from them are found.
     */
    static int validate(String[] args) {
        List<String> targets = new ArrayList<>();
        boolean strict = false;
        List<String> notes = List.of();
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--strict" -> strict = true;
                case "--notes" -> {
                    if (i + 1 == args.length) {
                        System.out.println("--notes needs a file: validate [--strict] [--notes FILE] FOLDER...");
                        return 2;
                    }
                    Path file = Path.of(args[++i]);
                    try {
                        notes = Files.readAllLines(file);
                    } catch (IOException | UncheckedIOException e) {
                        System.out.println(file + ":0: cannot read the notes: " + e.getMessage());
                        return 2;
                    }
                }
                default -> targets.add(args[i]);
            }
        }
        if (targets.isEmpty()) {
            targets.add("questions");
        }
        int errors = 0;
        int warnings = 0;
        for (String target : targets) {
            Path path = Path.of(target);
            List<BankProblem> problems = new ArrayList<>();
            List<Bank> banks = new ArrayList<>();
            if (!Files.isDirectory(path)) {
                Bank bank = BankLoader.loadFile(path, problems);
                if (bank != null) {
                    banks.add(bank);
                }
            } else {
                BankLoader.Result result = BankLoader.loadFolder(path);
                problems.addAll(result.problems());
                banks.addAll(result.banks());
            }
            problems.forEach(System.out::println);
            errors += problems.stream().mapToInt(BankProblem::countsFor).sum();
            for (Bank bank : banks) {
                List<BankProblem> found = FairnessCheck.check(bank, notes);
                found.forEach(System.out::println);
                warnings += found.size();
            }
            for (Bank bank : banks) {
                System.out.println("ok " + bank.file() + ": " + bank.id() + ", " + bank.questions().size()
                        + " questions");
            }
        }
        String warned = warnings == 0 ? "" : " (" + warnings + " warning(s)" + (strict ? ", failing with --strict" : "")
                + ")";
        System.out.println((errors == 0 ? "all banks are valid" : errors + " problem(s) found") + warned);
        return errors > 0 || (strict && warnings > 0) ? 1 : 0;
    }
}
