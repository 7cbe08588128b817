package app.quizroom.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Set;

/**
 * The teacher password of a server started without QUIZROOM_TEACHER_PASSWORD: generated at the first start and
 * kept beside the results database, readable by its owner only, so that it stays the same across restarts and a
 * teacher's browser can remember it.
 */
final class TeacherPasswordFile {

    /** No 0/o, 1/i/l: read off a projector and typed on another laptop. */
    private static final String ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";
    /** Three groups of four: 12 symbols of 31, about 59 bits, far beyond guessing over HTTP. */
    private static final int GROUPS = 3;
    private static final int GROUP_LENGTH = 4;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private TeacherPasswordFile() {
    }

    /** Where the password of the database {@code dbFile} is kept: {@code <dbFile>.teacher-password}. */
    static Path beside(Path dbFile) {
        return dbFile.resolveSibling(dbFile.getFileName() + ".teacher-password");
    }

    /** The password kept in {@code file}, written there first if the file is missing or empty. */
    static String readOrCreate(Path file) throws IOException {
        if (Files.exists(file)) {
            String kept = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (!kept.isEmpty()) {
                return kept;
            }
            Files.delete(file);
        }
        Path folder = file.toAbsolutePath().getParent();
        if (folder != null) {
            Files.createDirectories(folder);
        }
        String password = generate();
        try {
            createOwnerOnly(file);
        } catch (FileAlreadyExistsException e) {
            return readOrCreate(file); // another server on the same database got there first
        }
        Files.writeString(file, password + System.lineSeparator(), StandardCharsets.UTF_8,
                StandardOpenOption.TRUNCATE_EXISTING);
        return password;
    }

    static String generate() {
        StringBuilder password = new StringBuilder();
        for (int group = 0; group < GROUPS; group++) {
            if (group > 0) {
                password.append('-');
            }
            for (int i = 0; i < GROUP_LENGTH; i++) {
                password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
        }
        return password.toString();
    }

    /** Creates the empty file readable by its owner only, before anything secret is written to it. */
    private static void createOwnerOnly(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): the file takes the folder's access rules, there the user's own.
            Files.createFile(file);
            java.io.File plain = file.toFile();
            plain.setReadable(false, false);
            plain.setReadable(true, true);
            plain.setWritable(false, false);
            plain.setWritable(true, true);
        }
    }
}
