package app.quizroom.scoring;

/** What ranking needs to know of a player (or, later, a team). */
public interface Ranked {
    int score();

    /** Fully right answers so far. */
    int correctCount();

    /** Sum of the response times of the right answers, in ms. */
    long correctTimeMs();

    /** Earlier joiners win exact ties, so the order is total and stable. */
    int joinOrder();
}
