package app.quizroom.bank;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The previous versions of the bank files of a folder, kept in its {@value #FOLDER} folder as
 * {@code <file>.<UTC time of replacement>.yaml} (with {@code -2}, {@code -3}, ... for replacements within the same
 * millisecond). Only the newest {@value #MAX_PER_FILE} of each file are kept. Callers hold the file's lock.
 */
final class BankBackups {

    static final String FOLDER = ".backups";
    static final int MAX_PER_FILE = 20;

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);
    /** Sorts backups of one file newest first: by time, then by the same-millisecond counter. */
    private static final Comparator<BankFolder.Backup> NEWEST_FIRST = Comparator
            .comparing(BankFolder.Backup::replacedAt)
            .thenComparingInt(b -> counter(b.name()))
            .reversed();

    private final Path folder;
    private final Clock clock;

    BankBackups(Path banksFolder, Clock clock) {
        this.folder = banksFolder.resolve(FOLDER);
        this.clock = clock;
    }

    /** Keeps {@code content} as the version of {@code file} replaced now, and drops the oldest beyond the limit. */
    BankFolder.Backup keep(String file, byte[] content) throws IOException {
        Files.createDirectories(folder);
        Instant now = clock.instant();
        String stem = file + "." + STAMP.format(now);
        List<BankFolder.Backup> all = list(file);
        // after the newest of this millisecond, even if older ones were dropped: names must keep their order
        int last = all.stream().filter(b -> b.name().startsWith(stem + ".") || b.name().startsWith(stem + "-"))
                .mapToInt(b -> counter(b.name())).max().orElse(0);
        String name = last == 0 ? stem + ".yaml" : stem + "-" + (last + 1) + ".yaml";
        AtomicFiles.write(folder.resolve(name), content);
        all = list(file);
        for (BankFolder.Backup old : all.subList(Math.min(MAX_PER_FILE, all.size()), all.size())) {
            Files.deleteIfExists(folder.resolve(old.name()));
        }
        return new BankFolder.Backup(name, now, content.length);
    }

    /** The kept versions of {@code file}, newest first. */
    List<BankFolder.Backup> list(String file) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        Pattern pattern = pattern(file);
        List<BankFolder.Backup> backups = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path path : files.toList()) {
                Matcher m = pattern.matcher(path.getFileName().toString());
                if (m.matches() && Files.isRegularFile(path)) {
                    Instant at = Instant.from(STAMP.parse(m.group(1)));
                    backups.add(new BankFolder.Backup(m.group(0), at, Files.size(path)));
                }
            }
        }
        backups.sort(NEWEST_FIRST);
        return backups;
    }

    /** The content of one kept version; the name must be one {@link #list} gives for this file. */
    byte[] read(String file, String backup) throws IOException {
        if (!pattern(file).matcher(backup).matches()) {
            throw new NoSuchFileException(backup, null, "not a backup of " + file);
        }
        return Files.readAllBytes(folder.resolve(backup));
    }

    private static Pattern pattern(String file) {
        return Pattern.compile(Pattern.quote(file) + "\\.(\\d{8}T\\d{9}Z)(?:-(\\d+))?\\.yaml");
    }

    private static int counter(String name) {
        Matcher m = Pattern.compile("-(\\d+)\\.yaml$").matcher(name);
        return m.find() ? Integer.parseInt(m.group(1)) : 1;
    }
}
