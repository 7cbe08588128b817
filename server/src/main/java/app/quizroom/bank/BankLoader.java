package app.quizroom.bank;

import app.quizroom.config.Limits;
import java.io.IOException;
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

    /** The banks that loaded, in file-name order, and everything that was wrong. */
    public record Result(List<Bank> banks, List<BankProblem> problems) {
        public Result {
            banks = List.copyOf(banks);
            problems = List.copyOf(problems);
        }
    }

    private BankLoader() {
    }

    public static Result loadFolder(Path folder) {
        List<BankProblem> problems = new ArrayList<>();
        List<Bank> banks = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            problems.add(new BankProblem(folder.toString(), 0, "no such folder"));
            return new Result(banks, problems);
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> {
                String name = p.getFileName().toString();
                return Files.isRegularFile(p) && (name.endsWith(".yaml") || name.endsWith(".yml"));
            }).sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            problems.add(new BankProblem(folder.toString(), 0, "cannot list the folder: " + e.getMessage()));
            return new Result(banks, problems);
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

    /** Loads one file, adding any problems to the list; returns null if the bank is not valid. */
    public static Bank loadFile(Path file, List<BankProblem> problems) {
        String name = file.toString();
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                problems.add(new BankProblem(name, 1, "file is " + size + " bytes; a bank may be at most "
                        + MAX_FILE_BYTES + " bytes"));
                return null;
            }
            byte[] bytes = Files.readAllBytes(file);
            String content = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            return parse(name, content, problems);
        } catch (CharacterCodingException e) {
            problems.add(new BankProblem(name, 1, "file is not UTF-8 text"));
        } catch (IOException e) {
            problems.add(new BankProblem(name, 1, "cannot read the file: " + e.getMessage()));
        }
        return null;
    }

    /** Parses bank text; {@code name} is used in problem reports. */
    public static Bank parse(String name, String content, List<BankProblem> problems) {
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
        Bank bank = new BankParser(name, problems).parse(root);
        return problems.size() > before ? null : bank;
    }
}
