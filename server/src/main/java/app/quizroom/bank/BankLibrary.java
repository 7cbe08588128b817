package app.quizroom.bank;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The valid banks of a folder, kept in step with the files on disk. Each rescan publishes a new immutable
 * {@link Snapshot} in one step; a game holds on to the {@link Bank} it started with, so a change never reaches a
 * game in progress. A file that stops being valid is not served in its new form: its last good version stays in
 * service (or none, for a file that never was valid) and its problems go to the {@link Listener}. Files are
 * re-read only when their content changed, except files with errors, which are retried on every rescan (a picture
 * they name may have arrived since).
 *
 * <p>{@link #watch} rescans on every change the operating system reports and periodically besides; the editor
 * calls {@link #rescan} after a save so the change is served at once. Thread-safe.
 */
public final class BankLibrary implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(BankLibrary.class.getName());

    /** Told what a rescan found; called on the rescanning thread, in file-name order, so keep it quick. */
    public interface Listener {
        /** A new or changed file is now served. */
        default void loaded(Bank bank) {
        }

        /**
         * A new or changed file cannot be served. Told once per distinct set of problems, not on every rescan.
         *
         * @param kept the file's earlier version, still in service, or null if it has none
         */
        default void rejected(String file, List<BankProblem> problems, Bank kept) {
        }

        /** A file was deleted; its bank is no longer offered to new games. */
        default void removed(String file, Bank bank) {
        }
    }

    /** The banks on offer, in file-name order; {@code generation} grows by one with every change. */
    public record Snapshot(long generation, List<Bank> banks) {
        public Snapshot {
            banks = List.copyOf(banks);
        }

        public Optional<Bank> bank(String id) {
            return banks.stream().filter(b -> b.id().equals(id)).findFirst();
        }
    }

    /** What the library knows of one file. */
    private static final class FileState {
        String version;
        Bank good;
        boolean failing;
        List<BankProblem> reported;
        String idOwnerReported;
    }

    private record Waiter(Predicate<Snapshot> condition, CompletableFuture<Snapshot> future) {
    }

    private final Path folder;
    private final BankImages images;
    private final Listener listener;
    private final Map<String, FileState> files = new TreeMap<>();
    private final List<Waiter> waiters = new ArrayList<>();
    private volatile Snapshot current = new Snapshot(0, List.of());
    private FolderWatcher watcher;

    /** A library of {@code folder}, empty until the first {@link #rescan} or {@link #watch}. */
    public BankLibrary(Path folder, Listener listener) {
        this.folder = folder.toAbsolutePath().normalize();
        this.images = new BankImages(this.folder);
        this.listener = listener;
    }

    /** The banks on offer now. */
    public Snapshot current() {
        return current;
    }

    /** Completes with the first snapshot, the current one included, that meets {@code condition}. */
    public CompletableFuture<Snapshot> when(Predicate<Snapshot> condition) {
        CompletableFuture<Snapshot> future = new CompletableFuture<>();
        synchronized (waiters) {
            Snapshot now = current;
            if (condition.test(now)) {
                future.complete(now);
            } else {
                waiters.add(new Waiter(condition, future));
            }
        }
        return future;
    }

    /** Rescans at once and then on every change in the folder, and at least every {@code period}. */
    public void watch(Duration period) {
        watch(period, true);
    }

    synchronized void watch(Duration period, boolean useWatchService) {
        if (watcher != null) {
            throw new IllegalStateException("already watching " + folder);
        }
        // watch first: a change made while the first rescan runs is then not missed
        watcher = new FolderWatcher(folder, period, useWatchService, this::rescan);
        rescan();
    }

    /** Reads what changed in the folder and publishes the banks now on offer. */
    public synchronized Snapshot rescan() {
        List<Path> paths;
        try (Stream<Path> list = Files.list(folder)) {
            paths = list.filter(BankLoader::hasBankName).sorted().toList();
        } catch (IOException e) {
            // a folder that cannot be listed for a moment must not empty the library
            LOG.log(System.Logger.Level.WARNING, "cannot list " + folder + ": " + e.getMessage());
            return current;
        }
        Set<String> present = new HashSet<>();
        for (Path path : paths) {
            present.add(path.getFileName().toString());
            refresh(path, files.computeIfAbsent(path.getFileName().toString(), n -> new FileState()));
        }
        for (Iterator<Map.Entry<String, FileState>> it = files.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, FileState> entry = it.next();
            if (!present.contains(entry.getKey())) {
                it.remove();
                if (entry.getValue().good != null) {
                    listener.removed(folder.resolve(entry.getKey()).toString(), entry.getValue().good);
                }
            }
        }
        publish(served());
        return current;
    }

    private void refresh(Path path, FileState state) {
        String name = path.toString();
        List<BankProblem> problems = new ArrayList<>();
        String version;
        Bank bank = null;
        try {
            long size = Files.isRegularFile(path) ? Files.size(path) : -1;
            if (size < 0) {
                version = "not a regular file";
                problems.add(BankLoader.notARegularFile(path));
            } else if (size > BankLoader.MAX_FILE_BYTES) {
                version = "too large: " + size + " bytes, " + Files.getLastModifiedTime(path);
                problems.add(BankLoader.tooLarge(name, size));
            } else {
                byte[] bytes = Files.readAllBytes(path);
                version = AtomicFiles.version(bytes);
                if (version.equals(state.version) && !state.failing) {
                    return;
                }
                bank = BankLoader.fromBytes(name, bytes, images, problems);
            }
        } catch (IOException e) {
            version = "unreadable";
            problems.add(new BankProblem(name, 1, "cannot read the file: " + e.getMessage()));
        }
        state.version = version;
        if (bank != null) {
            state.good = bank;
            state.failing = false;
            state.reported = null;
            listener.loaded(bank);
        } else {
            state.failing = true;
            if (!problems.equals(state.reported)) {
                state.reported = problems;
                listener.rejected(name, problems, state.good);
            }
        }
    }

    /** The good banks in file-name order; of two with the same id, the later file is reported and left out. */
    private List<Bank> served() {
        List<Bank> banks = new ArrayList<>();
        Map<String, String> owners = new HashMap<>();
        for (Map.Entry<String, FileState> entry : files.entrySet()) {
            FileState state = entry.getValue();
            if (state.good == null) {
                continue;
            }
            String owner = owners.putIfAbsent(state.good.id(), entry.getKey());
            if (owner == null) {
                banks.add(state.good);
                state.idOwnerReported = null;
            } else if (!owner.equals(state.idOwnerReported)) {
                state.idOwnerReported = owner;
                listener.rejected(state.good.file(), List.of(new BankProblem(state.good.file(), 1,
                        "bank id '" + state.good.id() + "' is already used by " + owner)), null);
            }
        }
        return banks;
    }

    private void publish(List<Bank> banks) {
        Snapshot before = current;
        if (sameBanks(before.banks(), banks)) {
            return;
        }
        synchronized (waiters) {
            current = new Snapshot(before.generation() + 1, banks);
            for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
                Waiter waiter = it.next();
                try {
                    if (waiter.condition().test(current)) {
                        it.remove();
                        waiter.future().complete(current);
                    }
                } catch (RuntimeException e) {
                    it.remove();
                    waiter.future().completeExceptionally(e);
                }
            }
        }
    }

    /** The same Bank objects in the same order: nothing a game or a page could notice changed. */
    private static boolean sameBanks(List<Bank> a, List<Bank> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i)) {
                return false;
            }
        }
        return true;
    }

    /** Stops watching; the last snapshot stays readable. */
    @Override
    public synchronized void close() {
        if (watcher != null) {
            watcher.close();
            watcher = null;
        }
    }
}
