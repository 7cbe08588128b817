package app.quizroom.game;

import java.util.function.IntPredicate;

/**
 * The room's players on other nodes, as the game sees them (cluster mode, docs/cluster.md §5): told each time the
 * game moves, so that the nodes serving them open and close questions with it, and asked whether answers from them
 * are still on their way before a question closes at its deadline. {@link #NONE} when the server runs alone.
 */
public interface Remotes {

    /**
     * The game moved: a phase began, or a countdown was paused or resumed. {@code question} is -1 before the first;
     * {@code remainingMs} is the time left on an open question's countdown (frozen while paused), else 0.
     */
    void moved(int question, Phase phase, boolean paused, long remainingMs);

    /** True while a node that serves players of the room has not yet sent its answers to this question. */
    boolean awaiting(int question);

    /**
     * Answers to this question other nodes have taken but not yet sent (their running counts, for the host's live
     * count), each player once, leaving out those for whom {@code counted} is true (the room has their answer
     * already, from another node or read back from the database, or they are no longer in the game); 0 once each node
     * has sent its answers.
     */
    int counted(int question, IntPredicate counted);

    Remotes NONE = new Remotes() {
        @Override
        public void moved(int question, Phase phase, boolean paused, long remainingMs) {
        }

        @Override
        public boolean awaiting(int question) {
            return false;
        }

        @Override
        public int counted(int question, IntPredicate counted) {
            return 0;
        }
    };
}
