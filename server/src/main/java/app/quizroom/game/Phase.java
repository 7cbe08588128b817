package app.quizroom.game;

import app.quizroom.support.WireNamed;

/** The phases of a room, in the order a game passes through them. */
public enum Phase implements WireNamed {
    /** Players join; the host can kick, lock and start. */
    LOBBY,
    /** The question is shown alone for the reading time; no answers yet. */
    INTRO,
    /** Team talk: question and options visible on the phones for teams to discuss; no answers yet. */
    TALK,
    /** Answers are accepted until the deadline or until every connected player has answered. */
    ANSWERING,
    /** The solution, the class's answers and the explanation. */
    REVEAL,
    /** The top of the ranking after the question. */
    LEADERBOARD,
    /** The final ranking. */
    PODIUM,
    /** The room is closed. */
    FINISHED;

    /** Intro, talk or answering: a question is up and has not been revealed. */
    public boolean questionOpen() {
        return this == INTRO || this == TALK || this == ANSWERING;
    }
}
