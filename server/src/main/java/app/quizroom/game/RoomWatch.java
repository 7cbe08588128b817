package app.quizroom.game;

/**
 * Told on the room's context when its state moved, so that cluster mode can save it for a new owner
 * (docs/cluster.md §7). The room only says that something moved; the watcher takes {@link Room#snapshot()} when it
 * chooses to.
 */
@FunctionalInterface
public interface RoomWatch {

    /**
     * @param phase true when the phase, the question, the pause, the lock or the podium's finals moved (worth saving
     *              at once); false when only seats or teams changed (may wait a little and be batched)
     */
    void changed(boolean phase);

    RoomWatch NONE = phase -> { };
}
