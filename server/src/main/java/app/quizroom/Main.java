package app.quizroom;

import app.quizroom.bank.Bank;
import app.quizroom.bank.BankLoader;
import app.quizroom.bank.BankProblem;
import app.quizroom.config.Config;
import app.quizroom.game.Clock;
import app.quizroom.transport.QuizServer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts the server ({@code java -jar quizroom.jar}) or checks banks without starting it
 * ({@code java -jar quizroom.jar validate FOLDER...}).
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
        if (args.length > 0) {
            System.err.println("usage: java -jar quizroom.jar            start the server");
            System.err.println("       java -jar quizroom.jar validate FOLDER...   check banks and exit");
            System.exit(2);
        }
        Config config;
        try {
            config = Config.fromEnv(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("configuration: " + e.getMessage());
            System.exit(2);
            return;
        }
        config.describe().forEach((key, value) -> LOG.log(System.Logger.Level.INFO, "config " + key + "=" + value));
        BankLoader.Result loaded = BankLoader.loadFolder(config.banksDir());
        loaded.problems().forEach(p -> LOG.log(System.Logger.Level.WARNING, p.toString()));
        if (loaded.banks().isEmpty()) {
            LOG.log(System.Logger.Level.ERROR, "no valid question bank in " + config.banksDir().toAbsolutePath()
                    + "; set QUIZROOM_BANKS to a folder of banks");
            System.exit(1);
        }
        for (Bank bank : loaded.banks()) {
            LOG.log(System.Logger.Level.INFO, "bank " + bank.id() + ": " + bank.questions().size() + " questions ("
                    + bank.file() + ")");
        }
        QuizServer server = new QuizServer(config, loaded.banks(), Clock.SYSTEM, null);
        try {
            server.start().await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.log(System.Logger.Level.ERROR, "the server could not start: " + e.getMessage());
            System.exit(1);
        }
        LOG.log(System.Logger.Level.INFO, "Quizroom is running: projector at http://localhost:" + server.port()
                + "/host, phones join at " + server.publicUrl());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.stop().await(config.shutdownGraceSeconds() + 5L, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // exiting anyway
            }
        }, "quizroom-shutdown"));
    }

    /** Validates each folder (or file) named; prints problems; returns 0 if all is valid, 1 otherwise. */
    static int validate(String[] args) {
        List<String> targets = new ArrayList<>(List.of(args).subList(1, args.length));
        if (targets.isEmpty()) {
            targets.add("questions");
        }
        int errors = 0;
        for (String target : targets) {
            Path path = Path.of(target);
            List<BankProblem> problems = new ArrayList<>();
            List<Bank> banks = new ArrayList<>();
            if (path.toFile().isFile()) {
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
            for (Bank bank : banks) {
                System.out.println("ok " + bank.file() + ": " + bank.id() + ", " + bank.questions().size()
                        + " questions");
            }
            errors += problems.size();
        }
        System.out.println(errors == 0 ? "all banks are valid" : errors + " problem(s) found");
        return errors == 0 ? 0 : 1;
    }
}
