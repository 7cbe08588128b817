package app.quizroom.bank;

import app.quizroom.config.Limits;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Loads every bank in a folder. A bad file is skipped and reported; the others still load. */
public final class BankLoader {

    /** Larger files are refused before parsing. */
    public static final int MAX_FILE_BYTES = Limits.MAX_BANK_FILE_BYTES;
    /** Problems reported per file; past these a count stands for the rest (a broken file can have thousands). */
    public static final int MAX_PROBLEMS_PER_FILE = 20;

    /** The banks that loaded, in file-name order, and everything that was wrong. */
    public record Result(List<Bank> banks, List<BankProblem> problems) {
        public Result {
            banks = List.copyOf(banks);
            problems = List.copyOf(problems);
        }
    }

    private BankLoader() {
    }

    /**
     * Loads every {@code .yaml} and {@code .yml} file of a folder. Problems with a path itself (missing, not a
     * folder, no banks in it, not a regular file) are reported on line 0.
     */
    public static Result loadFolder(Path folder) {
        List<BankProblem> problems = new ArrayList<>();
        List<Bank> banks = new ArrayList<>();
        if (!Files.exists(folder)) {
            problems.add(new BankProblem(folder.toString(), 0, "no such file or folder"));
            return new Result(banks, problems);
        }
        if (!Files.isDirectory(folder)) {
            problems.add(new BankProblem(folder.toString(), 0, "not a folder"));
            return new Result(banks, problems);
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(folder)) {
            for (Path p : list.sorted(Comparator.comparing(p -> p.getFileName().toString())).toList()) {
                if (!hasBankName(p)) {
                    continue;
                }
                if (Files.isRegularFile(p)) {
                    files.add(p);
                } else {
                    problems.add(notARegularFile(p));
                }
            }
        } catch (IOException e) {
            problems.add(new BankProblem(folder.toString(), 0, "cannot list the folder: " + e.getMessage()));
            return new Result(banks, problems);
        }
        if (files.isEmpty()) {
            problems.add(new BankProblem(folder.toString(), 0, "no bank files (.yaml or .yml) in this folder"));
        }
        Map<String, String> idToFile = new HashMap<>();
        for (Path file : files) {
            Bank bank = loadFile(file, problems);
            if (bank == null) {
                continue;
            }
            String taken = idToFile.putIfAbsent(bank.id(), bank.file());
            if (taken != null) {
                problems.add(new BankProblem(bank.file(), 1, "bank id '" + bank.id() + "' is already used by " + taken));
            } else {
                banks.add(bank);
            }
        }
        return new Result(banks, problems);
    }

    /** True for the names the loader reads as banks: {@code .yaml} and {@code .yml}. */
    static boolean hasBankName(Path path) {
        String name = path.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    /** A folder, pipe, device or socket where a bank file was expected: never opened (a pipe would block). */
    static BankProblem notARegularFile(Path path) {
        String what = Files.isDirectory(path) ? "a folder" : "not a regular file (a device, pipe or socket)";
        return new BankProblem(path.toString(), 0, what + ", not a bank file; skipped");
    }

    /**
     * Loads one file, adding its problems (at most {@value #MAX_PROBLEMS_PER_FILE}, then a count of the rest) to
     * the list; returns null if the bank is not valid.
     */
    public static Bank loadFile(Path file, List<BankProblem> problems) {
        if (!Files.isRegularFile(file)) {
            problems.add(Files.exists(file) ? notARegularFile(file)
                    : new BankProblem(file.toString(), 0, "no such file or folder"));
            return null;
        }
        String name = file.toString();
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                problems.add(tooLarge(name, size));
                return null;
            }
            return fromBytes(name, Files.readAllBytes(file), new BankImages(file.toAbsolutePath().getParent()),
                    problems);
        } catch (IOException e) {
            problems.add(new BankProblem(name, 1, "cannot read the file: " + e.getMessage()));
            return null;
        }
    }

    /** Loads a bank file's content as read from disk, with the problems capped as {@link #loadFile} caps them. */
    static Bank fromBytes(String name, byte[] bytes, BankImages images, List<BankProblem> problems) {
        if (bytes.length > MAX_FILE_BYTES) {
            problems.add(tooLarge(name, bytes.length));
            return null;
        }
        List<BankProblem> found = new ArrayList<>();
        Bank bank = null;
        try {
            bank = parse(name, decode(bytes), images, found);
        } catch (CharacterCodingException e) {
            found.add(new BankProblem(name, 1, "file is not UTF-8 text"));
        }
        if (found.size() > MAX_PROBLEMS_PER_FILE) {
            BankProblem last = found.get(MAX_PROBLEMS_PER_FILE - 1);
            int more = found.size() - MAX_PROBLEMS_PER_FILE;
            found.subList(MAX_PROBLEMS_PER_FILE, found.size()).clear();
            found.add(BankProblem.more(last.file(), last.line(), more));
        }
        problems.addAll(found);
        return bank;
    }

    /** Bank files are UTF-8; anything else is refused rather than read with replacement characters. */
    static String decode(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes)).toString();
    }

    static BankProblem tooLarge(String name, long size) {
        return new BankProblem(name, 1, "file is " + size + " bytes; a bank may be at most " + MAX_FILE_BYTES + " bytes");
    }

    /**
     * Parses bank text; {@code name} is used in problem reports and, as a path, says where the bank's pictures are
     * (beside it).
     */
    public static Bank parse(String name, String content, List<BankProblem> problems) {
        return parse(name, content, BankImages.beside(name), problems);
    }

    /** Parses bank text whose pictures are in {@code images}; {@code name} is used in problem reports. */
    public static Bank parse(String name, String content, BankImages images, List<BankProblem> problems) {
        if (content.length() > MAX_FILE_BYTES) {
            problems.add(new BankProblem(name, 1, "a bank may be at most " + MAX_FILE_BYTES + " bytes"));
            return null;
        }
        int before = problems.size();
        YamlTree.Node root;
        try {
            root = YamlTree.parse(name, content, problems);
        } catch (YamlTree.YamlException e) {
            problems.add(new BankProblem(name, e.line, e.getMessage()));
            return null;
        }
        Bank bank = new BankParser(name, images, problems).parse(root);
        return problems.size() > before ? null : bank;
    }
}
