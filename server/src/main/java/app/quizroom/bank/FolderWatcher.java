package app.quizroom.bank;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Runs an action when the files of a folder change, and in any case every {@code period}: a WatchService can miss
 * events (an overflow, a network file system, a folder replaced wholesale), and some platforms only poll. One
 * daemon thread does both; a burst of events (an editor's temporary file, write and rename) becomes one run once
 * the folder has been quiet for {@value #SETTLE_MILLIS} ms (or after {@value #MAX_SETTLE_MILLIS} ms of events).
 */
final class FolderWatcher implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(FolderWatcher.class.getName());
    static final long SETTLE_MILLIS = 100;
    /** A folder that never goes quiet is rescanned at least this often while events keep coming. */
    static final long MAX_SETTLE_MILLIS = 1000;

    private final Path folder;
    private final Duration period;
    private final Runnable action;
    private final WatchService service;
    private final Thread thread;
    private volatile boolean closed;

    /**
     * @param useWatchService false to rely on the periodic run alone (tests of the fallback)
     */
    FolderWatcher(Path folder, Duration period, boolean useWatchService, Runnable action) {
        this.folder = folder;
        this.period = period;
        this.action = action;
        this.service = useWatchService ? register(folder) : null;
        this.thread = new Thread(this::loop, "bank-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private static WatchService register(Path folder) {
        try {
            WatchService service = folder.getFileSystem().newWatchService();
            folder.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
            return service;
        } catch (IOException | UnsupportedOperationException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot watch " + folder + " (" + e.getMessage()
                    + "); changes are picked up by the periodic rescan only");
            return null;
        }
    }

    private void loop() {
        while (!closed) {
            try {
                waitForChangeOrPeriod();
                if (!closed) {
                    action.run();
                }
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "rescanning " + folder + " failed", e);
            }
        }
    }

    private void waitForChangeOrPeriod() throws InterruptedException {
        if (service == null) {
            Thread.sleep(period.toMillis());
            return;
        }
        WatchKey key = service.poll(period.toMillis(), TimeUnit.MILLISECONDS);
        long settleUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MAX_SETTLE_MILLIS);
        while (key != null) {
            key.pollEvents();
            if (!key.reset()) {
                LOG.log(System.Logger.Level.WARNING, folder + " can no longer be watched; rescanning periodically");
            }
            key = System.nanoTime() < settleUntil ? service.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS) : null;
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        if (service != null) {
            try {
                service.close();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "closing the watch on " + folder + ": " + e.getMessage());
            }
        }
    }
}
