package app.quizroom.game;

/**
 * Whether new players may come in: not while the host has locked the room, the game is over or the server is
 * going down. Written only by the room's own context; {@link #open()} is also read by the edge on other threads,
 * hence volatile.
 */
final class Gate {

    private boolean locked;
    private boolean shuttingDown;
    private boolean finished;
    private volatile boolean open = true;

    boolean locked() {
        return locked;
    }

    boolean shuttingDown() {
        return shuttingDown;
    }

    /** Whether a new player may join at all (safe from any thread). */
    boolean open() {
        return open;
    }

    void lock(boolean value) {
        locked = value;
        update();
    }

    void shutDown() {
        shuttingDown = true;
        update();
    }

    /** The game is over: nobody new comes in again. */
    void finish() {
        finished = true;
        update();
    }

    private void update() {
        open = !locked && !shuttingDown && !finished;
    }
}
