package app.quizroom.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which files an SQLite database in WAL mode is, at the moment it is read: the file keys (device and inode on
 * Linux) of the database, its {@code -wal} and its {@code -shm}. SQLite keeps writing to a file deleted while open
 * and says nothing (commits go to the unlinked WAL), so the writer compares the files it opened with those at the
 * path. The WAL and shared-memory files count too: without them a commit lives in a file no one will find, and
 * another connection (a report) would build a new WAL index beside ours.
 *
 * <p>While the writer's connection is open its files cannot be freed, so a new file at the path never reuses their
 * inodes: a different key means a different file. Where the platform has no file keys (null), nothing is compared;
 * such systems (Windows) do not let an open database be deleted in the first place.
 */
record FileIdentity(Path file, List<Object> keys) {

    /** A file that is not there. */
    private static final Object GONE = "gone";
    private static final List<String> SUFFIXES = List.of("", "-wal", "-shm");

    /** The files at the path now. */
    static FileIdentity of(Path file) {
        List<Object> keys = new ArrayList<>();
        for (String suffix : SUFFIXES) {
            keys.add(key(Path.of(file + suffix)));
        }
        return new FileIdentity(file, keys);
    }

    /**
     * True if a file recorded here has been deleted or replaced at its path. The database must still be there; a
     * WAL or shared-memory file that was not there when this was recorded is not looked at.
     */
    boolean lost() {
        FileIdentity now = of(file);
        for (int i = 0; i < keys.size(); i++) {
            Object was = keys.get(i);
            Object is = now.keys.get(i);
            boolean database = i == 0;
            if (database && was == GONE) {
                return true; // deleted between opening and looking
            }
            if (was != null && was != GONE && is != null && !Objects.equals(was, is)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Once the connection is closed: if the database at the path is not the one recorded, deletes the WAL and
     * shared-memory files still there from the recorded one. SQLite would otherwise apply the lost database's WAL
     * to whatever file is put at the path (tried: an older copy copied over the file came back with the lost
     * file's rows laid over it). Companions of a database still in place are left alone: a report's connection
     * may be using them.
     */
    void removeLeftovers() {
        if (Objects.equals(keys.get(0), key(file))) {
            return;
        }
        for (int i = 1; i < SUFFIXES.size(); i++) {
            Path companion = Path.of(file + SUFFIXES.get(i));
            Object was = keys.get(i);
            if (was != null && was != GONE && was.equals(key(companion))) {
                try {
                    Files.deleteIfExists(companion);
                } catch (IOException e) {
                    // the reopening then fails or succeeds on its own terms, and is retried
                }
            }
        }
    }

    /** The file's key, {@link #GONE}, or null where the platform gives none (or the folder cannot be read). */
    private static Object key(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class).fileKey();
        } catch (NoSuchFileException e) {
            return GONE;
        } catch (IOException e) {
            return null; // unknown: SQLite reports a folder it cannot use by itself
        }
    }
}
