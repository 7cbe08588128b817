package app.quizroom.bank;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The bank files of one folder, as the editor opens and saves them. A save is checked first (a bank with errors is
 * never written), then written atomically (a temporary file renamed over the old one), and the version it replaces
 * is kept in {@code .backups/} to be listed and restored. Saves of one file are serialised within the JVM; the
 * rename alone already guarantees that no reader, in this process or another, sees a broken file.
 *
 * <p>Versions are content fingerprints: pass the version a teacher opened to {@link #save} and a save over
 * somebody else's newer edit is refused as a {@link Conflict} instead of silently overwriting it.
 */
public final class BankFolder {

    /** The expected version meaning "the file must not exist yet": a new bank never replaces an old one. */
    public static final String NO_FILE = "none";

    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*(?:\\.[A-Za-z0-9_-]+)*\\.ya?ml");
    /** One lock per bank file across every BankFolder of the JVM. */
    private static final ConcurrentHashMap<Path, Object> LOCKS = new ConcurrentHashMap<>();

    /** A bank file opened for editing; {@code draft} is null if the file is not YAML at all (see the problems). */
    public record Opened(BankDraft draft, List<BankProblem> problems, String version) {
        public Opened {
            problems = List.copyOf(problems);
        }
    }

    /** What became of a save, restore or delete. */
    public sealed interface Outcome permits Saved, Invalid, Conflict {
    }

    /**
     * Written. {@code backup} is the version it replaced (null for a new file, or when nothing changed);
     * {@code bank} is null after a delete.
     */
    public record Saved(String version, Bank bank, List<BankProblem> warnings, Backup backup) implements Outcome {
        public Saved {
            warnings = List.copyOf(warnings);
        }
    }

    /** Not written: the bank has errors (with their lines in the file it would have become). */
    public record Invalid(List<BankProblem> problems) implements Outcome {
        public Invalid {
            problems = List.copyOf(problems);
        }
    }

    /** Not written: the file is no longer the version expected; {@code currentVersion} is {@link #NO_FILE} if gone. */
    public record Conflict(String currentVersion) implements Outcome {
    }

    /** A kept earlier version of a bank file: the content it had until {@code replacedAt}. */
    public record Backup(String name, Instant replacedAt, long size) {
    }

    private final Path folder;
    private final BankImages images;
    private final BankBackups backups;

    public BankFolder(Path folder, Clock clock) {
        this.folder = folder.toAbsolutePath().normalize();
        this.images = new BankImages(this.folder);
        this.backups = new BankBackups(this.folder, clock);
    }

    public BankFolder(Path folder) {
        this(folder, Clock.systemUTC());
    }

    public Path folder() {
        return folder;
    }

    /** The pictures beside these banks. */
    public BankImages images() {
        return images;
    }

    /** True for a name a bank file may have here: letters, digits, '-', '_' and dots, ending in .yaml or .yml. */
    public static boolean isBankFileName(String name) {
        return name != null && name.length() <= 120 && FILE_NAME.matcher(name).matches();
    }

    /** The bank file names, in name order. */
    public List<String> files() throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(BankFolder::isBankFileName).sorted().toList();
        }
    }

    /** Reads a bank file for editing. */
    public Opened open(String file) throws IOException {
        Path path = path(file);
        byte[] bytes = Files.readAllBytes(path);
        String version = AtomicFiles.version(bytes);
        if (bytes.length > BankLoader.MAX_FILE_BYTES) {
            return new Opened(null, List.of(BankLoader.tooLarge(path.toString(), bytes.length)), version);
        }
        try {
            BankYaml.Read read = BankYaml.read(path.toString(), BankLoader.decode(bytes), images);
            return new Opened(read.draft(), read.problems(), version);
        } catch (CharacterCodingException e) {
            return new Opened(null, List.of(new BankProblem(path.toString(), 1, "file is not UTF-8 text")), version);
        }
    }

    /**
     * Saves a draft as {@code file} if it is a valid bank whose id no other file here uses.
     *
     * @param expectedVersion the version the editor started from, {@link #NO_FILE} for a new file, or null to
     *                        overwrite whatever is there
     */
    public Outcome save(String file, BankDraft draft, String expectedVersion) throws IOException {
        return write(file, BankYaml.write(draft), expectedVersion);
    }

    /** The kept earlier versions of {@code file}, newest first (also after the file itself was deleted). */
    public List<Backup> backups(String file) throws IOException {
        path(file);
        return backups.list(file);
    }

    /** Puts a kept version back, exactly as it was, if it is still a valid bank; the current version is kept too. */
    public Outcome restore(String file, String backup, String expectedVersion) throws IOException {
        path(file);
        byte[] content = backups.read(file, backup);
        try {
            return write(file, BankLoader.decode(content), expectedVersion);
        } catch (CharacterCodingException e) {
            return new Invalid(List.of(new BankProblem(backup, 1, "file is not UTF-8 text")));
        }
    }

    /** Removes a bank file, keeping it as a backup so that it can be restored. */
    public Outcome delete(String file, String expectedVersion) throws IOException {
        Path target = path(file);
        synchronized (lockFor(target)) {
            byte[] current = readIfPresent(target);
            String currentVersion = current == null ? NO_FILE : AtomicFiles.version(current);
            if (current == null || expectedVersion != null && !expectedVersion.equals(currentVersion)) {
                return new Conflict(currentVersion);
            }
            Backup backup = backups.keep(file, current);
            Files.delete(target);
            return new Saved(NO_FILE, null, List.of(), backup);
        }
    }

    private Outcome write(String file, String content, String expectedVersion) throws IOException {
        Path target = path(file);
        List<BankProblem> problems = new ArrayList<>();
        Bank bank = BankLoader.parse(target.toString(), content, images, problems);
        if (bank == null) {
            return new Invalid(problems);
        }
        String owner = idOwner(bank.id(), file);
        if (owner != null) {
            return new Invalid(List.of(new BankProblem(target.toString(), 1,
                    "bank id '" + bank.id() + "' is already used by " + owner)));
        }
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        List<BankProblem> warnings = FairnessCheck.check(bank, List.of());
        synchronized (lockFor(target)) {
            byte[] current = readIfPresent(target);
            String currentVersion = current == null ? NO_FILE : AtomicFiles.version(current);
            if (expectedVersion != null && !expectedVersion.equals(currentVersion)) {
                return new Conflict(currentVersion);
            }
            if (Arrays.equals(current, bytes)) {
                return new Saved(currentVersion, bank, warnings, null);
            }
            Backup backup = current == null ? null : backups.keep(file, current);
            AtomicFiles.write(target, bytes);
            return new Saved(AtomicFiles.version(bytes), bank, warnings, backup);
        }
    }

    /** The other file here whose top-level id is {@code id}, or null: the loader would skip one of the two. */
    private String idOwner(String id, String file) throws IOException {
        List<Path> others;
        try (Stream<Path> list = Files.list(folder)) {
            others = list.filter(p -> BankLoader.hasBankName(p) && Files.isRegularFile(p)
                    && !p.getFileName().toString().equals(file)).sorted().toList();
        }
        for (Path other : others) {
            try {
                if (Files.size(other) <= BankLoader.MAX_FILE_BYTES
                        && YamlTree.parse(other.toString(), Files.readString(other), new ArrayList<>())
                        instanceof YamlTree.MapNode map
                        && map.entries().get("id") instanceof YamlTree.Scalar s && id.equals(s.text().strip())) {
                    return other.getFileName().toString();
                }
            } catch (IOException | YamlTree.YamlException e) {
                // an unreadable file serves no bank, so it takes no id
            }
        }
        return null;
    }

    private Path path(String file) {
        if (!isBankFileName(file)) {
            throw new IllegalArgumentException("not a bank file name: " + file);
        }
        return folder.resolve(file);
    }

    private static byte[] readIfPresent(Path file) throws IOException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private static Object lockFor(Path target) {
        return LOCKS.computeIfAbsent(target, p -> new Object());
    }
}
