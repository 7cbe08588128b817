package app.quizroom.store;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Whether a batch writer can write, why not, and who hears when that changes (on the writer thread). */
final class WriterHealth {

    private static final System.Logger LOG = System.getLogger("quizroom.store");

    private final List<Consumer<Boolean>> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean healthy = true;
    private volatile String lastError;

    boolean healthy() {
        return healthy;
    }

    String lastError() {
        return lastError;
    }

    void onChange(Consumer<Boolean> listener) {
        listeners.add(listener);
    }

    void set(boolean value, String why) {
        lastError = why;
        if (healthy != value) {
            healthy = value;
            LOG.log(value ? System.Logger.Level.INFO : System.Logger.Level.WARNING, value
                    ? "results database is writable again; queued results are being saved"
                    : "results database cannot be written (" + why + "); games go on, results wait to be saved");
            listeners.forEach(l -> l.accept(value));
        }
    }
}
