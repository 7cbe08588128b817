package app.quizroom.game;

import app.quizroom.support.Clock;

/**
 * Where the game is: the phase, the question being played, the pause and the podium's finals, and when the phase
 * ends; and the room's players on other nodes, told each time the game moves. Written by the {@link PhaseMachine}
 * and the {@link QuestionCycle}, on the room's context.
 */
final class PhaseState {

    private final Clock clock;
    /** The room's players on other nodes; {@link Remotes#NONE} alone. */
    Remotes remotes = Remotes.NONE;
    Phase phase = Phase.LOBBY;
    QuestionRun run;
    boolean paused;
    long pausedRemainingMs;
    long pausedAt;
    /** In the podium: whether each player's final frame has gone out. */
    boolean finalsOut;

    PhaseState(Clock clock) {
        this.clock = clock;
    }

    /** Tells the room's other nodes where the game is now. */
    void moved() {
        Moment at = now();
        remotes.moved(run == null ? -1 : run.index, phase, paused, at.remainingMs());
    }

    /** Where the game is now. */
    Moment now() {
        long remainingMs = 0;
        if (phase.questionOpen()) {
            remainingMs = paused ? pausedRemainingMs : Math.max(0, phaseEndsAt() - clock.millis());
        }
        return new Moment(phase, run, paused, remainingMs, finalsOut);
    }

    long phaseEndsAt() {
        return switch (phase) {
            case INTRO -> run.introEndsAt;
            case TALK -> run.talkEndsAt;
            default -> run.deadline;
        };
    }

    /** The phase and its clock as a saved state keeps them: durations from now (see {@link RoomSnapshot}). */
    record Clocks(Phase phase, int question, boolean paused, long remainingMs, long answeringMs, boolean finalsOut) {
    }

    Clocks clocks() {
        long at = clock.millis();
        long remaining = 0;
        long answering = 0;
        if (phase.questionOpen()) {
            remaining = paused ? pausedRemainingMs : Math.max(0, phaseEndsAt() - at);
        }
        if (phase == Phase.ANSWERING) {
            answering = Math.max(0, (paused ? pausedAt : at) - run.openedAt);
        }
        return new Clocks(phase, run == null ? -1 : run.index, paused, remaining, answering, finalsOut);
    }
}
