package app.quizroom.game;

import app.quizroom.bank.Question;
import app.quizroom.config.Limits;
import app.quizroom.protocol.ErrorCode;
import app.quizroom.protocol.ServerMessage;
import app.quizroom.support.Clock;

import java.util.List;
import java.util.function.IntPredicate;

/**
 * The phases of a game, moved by the host and by the clock: the host's commands that move the game (start, next, skip,
 * end, pause, resume) return what to send; the timers that move a question on (and that end the podium's reveal)
 * deliver their own frames when they fire, and a stale one does nothing. The question closes early once every answer
 * is in. The transitions themselves (what each phase sends and records) are the {@link QuestionCycle}'s; where the
 * game is, the {@link PhaseState}. Owned by the room.
 */
final class PhaseMachine {

    private final PhaseState state;
    private final QuestionCycle cycle;
    private final PhaseTimer timer;
    private final Clock clock;
    /** The questions as played, their option order and the game's id: one source for this room and its edges. */
    private final RoomPlan plan;
    private final List<Question> questions;
    private final Roster roster;
    private final AnswerDesk answers;

    /** @param afterTimer run after each timer's frames have gone out (the room checks whether its state moved) */
    PhaseMachine(List<Question> questions, GameOptions options, long seed, Teams teams, Room.Environment env,
                 GameRecorder recorder, Roster roster, Scoreboard board, AnswerDesk answers, Frames frames,
                 Audience audience, Gate gate, Runnable afterTimer) {
        this.questions = questions;
        this.clock = env.clock();
        this.roster = roster;
        this.answers = answers;
        this.plan = new RoomPlan(questions, options.shuffleOptions(), options.timeLimitSeconds(), seed,
                recorder.gameId());
        this.timer = new PhaseTimer(env.scheduler(), env.executor(), fired -> {
            audience.deliver(onTimer(fired));
            afterTimer.run();
        });
        this.state = new PhaseState(clock);
        this.cycle = new QuestionCycle(questions, options, teams, clock, timer, recorder, roster, board, frames, gate,
                plan, state);
    }

    Phase phase() {
        return state.phase;
    }

    RoomPlan plan() {
        return plan;
    }

    /** From now on the room's players on other nodes are told where the game is, starting now. */
    void relayTo(Remotes remotes) {
        state.remotes = remotes;
        state.moved();
    }

    /** Answers to this question other nodes have taken and not yet sent (see {@link Remotes#counted}). */
    int counted(int question, IntPredicate counted) {
        return state.remotes.counted(question, counted);
    }

    /** Where the game is now. */
    Moment now() {
        return state.now();
    }

    /** The host starts the game; this and the other host commands return the frames to send, or a refusal. */
    Reply start(String ref) {
        if (state.phase != Phase.LOBBY) {
            return Refusal.wrongPhase(ref, state.phase);
        }
        if (roster.size() == 0) {
            return new Refusal(ErrorCode.NO_PLAYERS, "Wait for at least one player to join.");
        }
        Outbox out = new Outbox();
        cycle.start(out);
        return out;
    }

    Reply next(String ref) {
        if (state.paused) {
            return new Refusal(ErrorCode.PAUSED, "Resume the game first.");
        }
        Outbox out = new Outbox();
        switch (state.phase) {
            case INTRO -> cycle.afterReading(out);
            case TALK -> cycle.openAnswers(out);
            case REVEAL -> cycle.showLeaderboard(out);
            case LEADERBOARD -> {
                if (state.run.index + 1 < questions.size()) {
                    cycle.beginQuestion(state.run.index + 1, out);
                } else {
                    cycle.showPodium(out, GameRecorder.Ending.FINISHED);
                }
            }
            case PODIUM -> cycle.finish(out);
            default -> {
                return Refusal.wrongPhase(ref, state.phase);
            }
        }
        return out;
    }

    Reply skip(String ref) {
        if (!state.phase.questionOpen()) {
            return Refusal.wrongPhase(ref, state.phase);
        }
        state.paused = false; // quietly: the reveal that follows says the game moves on
        Outbox out = new Outbox();
        cycle.closeQuestion(out);
        return out;
    }

    Reply end() {
        state.paused = false; // quietly: the podium or the end that follows says the game moves on
        Outbox out = new Outbox();
        if (state.phase == Phase.LOBBY || state.phase == Phase.PODIUM) {
            cycle.finish(out);
        } else {
            cycle.showPodium(out,
                    lastQuestionClosed() ? GameRecorder.Ending.FINISHED : GameRecorder.Ending.ENDED_EARLY);
        }
        return out;
    }

    /** True once the last question has reached its reveal: ending then cuts nothing short. */
    private boolean lastQuestionClosed() {
        return state.run != null && state.run.index == questions.size() - 1
                && (state.phase == Phase.REVEAL || state.phase == Phase.LEADERBOARD);
    }

    Reply pause(String ref) {
        if (!state.phase.questionOpen()) {
            return Refusal.wrongPhase(ref, state.phase);
        }
        if (state.paused) {
            return new Refusal(ErrorCode.PAUSED, "The game is already paused.");
        }
        long at = clock.millis();
        state.pausedRemainingMs = Math.max(0, state.phaseEndsAt() - at);
        state.paused = true;
        timer.cancel();
        state.pausedAt = at;
        state.moved();
        return new Outbox().toEveryone(
                new ServerMessage.Paused(true, state.phase.wireName(), state.run.index, state.pausedRemainingMs));
    }

    Reply resume() {
        if (!state.paused) {
            return new Refusal(ErrorCode.NOT_PAUSED, "The game is not paused.");
        }
        long at = clock.millis();
        state.paused = false;
        if (state.phase == Phase.INTRO) {
            state.run.introEndsAt = at + state.pausedRemainingMs;
            timer.set(state.run.index, PhaseTimer.Kind.OPEN_ANSWERS, state.pausedRemainingMs);
        } else if (state.phase == Phase.TALK) {
            state.run.talkEndsAt = at + state.pausedRemainingMs;
            timer.set(state.run.index, PhaseTimer.Kind.OPEN_ANSWERS, state.pausedRemainingMs);
        } else {
            // Time spent paused does not count towards anyone's response time.
            state.run.openedAt += at - state.pausedAt;
            state.run.deadline = at + state.pausedRemainingMs;
            timer.set(state.run.index, PhaseTimer.Kind.DEADLINE, state.pausedRemainingMs);
        }
        state.moved();
        Outbox out = new Outbox()
                .toEveryone(new ServerMessage.Paused(false, state.phase.wireName(), state.run.index,
                        state.pausedRemainingMs));
        closeIfAllAnswered(out); // those still to answer may have left during the pause
        return out;
    }

    /**
     * Closes the open question once every connected player has answered (after an answer, a disconnect, a kick or
     * a resume); returns whether it did. Not while paused: the countdown is frozen.
     */
    boolean closeIfAllAnswered(Outbox out) {
        if (allAnswered()) {
            cycle.closeQuestion(out);
            return true;
        }
        return false;
    }

    /** Whether {@link #closeIfAllAnswered} would close the open question now. */
    boolean allAnswered() {
        return state.phase == Phase.ANSWERING && !state.paused
                && (answers.allAnswered(state.run) || pastDeadlineAndNoneAwaited());
    }

    /** As {@link #closeIfAllAnswered}, only if question {@code index} is still the open one. */
    void closeIfAllAnswered(int index, Outbox out) {
        if (state.run != null && state.run.index == index) {
            closeIfAllAnswered(out);
        }
    }

    /**
     * The deadline has passed and no other node still owes its answers: the question closes, as it would have at
     * its deadline. Alone (no other nodes) the deadline's timer always closes it first.
     */
    private boolean pastDeadlineAndNoneAwaited() {
        return state.remotes != Remotes.NONE && clock.millis() >= state.run.deadline
                && !state.remotes.awaiting(state.run.index);
    }

    /**
     * The room is going away: no more timers, and the game is recorded as it ends (cut short unless over). A podium
     * still being revealed sends each player's final standing into {@code out} first.
     */
    void closeRoom(Outbox out) {
        cycle.closeRoom(out);
    }

    /** Question {@code index} as this game plays it (its option order derives from the seed and the index). */
    QuestionRun runOf(int index) {
        return plan.run(index);
    }

    /** The questions in the order this game plays them. */
    List<Question> questions() {
        return questions;
    }

    /** The phase and its clock as a saved state keeps them (see {@link PhaseState#clocks}). */
    PhaseState.Clocks clocks() {
        return state.clocks();
    }

    /** Puts the game back where a saved state left it, {@code elapsedMs} later (see {@link QuestionCycle#restore}). */
    void restore(PhaseState.Clocks saved, long elapsedMs, Outbox out) {
        cycle.restore(saved, elapsedMs, out);
    }

    /**
     * The room has moved to another owner: no timer fires again and nothing more is recorded (the new owner
     * records the game from here).
     */
    void abandon() {
        timer.cancel();
        state.phase = Phase.FINISHED;
    }

    Outbox onTimer(PhaseTimer.Fired fired) {
        Outbox out = new Outbox();
        if (!timer.isCurrent(fired) || state.run == null || fired.question() != state.run.index || state.paused) {
            return out; // stale: the question or phase it was set for has moved on
        }
        if (fired.kind() == PhaseTimer.Kind.OPEN_ANSWERS && state.phase == Phase.INTRO) {
            cycle.afterReading(out);
        } else if (fired.kind() == PhaseTimer.Kind.OPEN_ANSWERS && state.phase == Phase.TALK) {
            cycle.openAnswers(out);
        } else if (fired.kind() == PhaseTimer.Kind.DEADLINE && state.phase == Phase.ANSWERING) {
            if (state.remotes.awaiting(state.run.index)) {
                // Another node's answers are on their way: wait for them, but no longer than the grace period.
                timer.set(state.run.index, PhaseTimer.Kind.GRACE, Limits.REMOTE_ANSWERS_GRACE_MS);
            } else {
                cycle.closeQuestion(out);
            }
        } else if (fired.kind() == PhaseTimer.Kind.GRACE && state.phase == Phase.ANSWERING) {
            cycle.closeQuestion(out);
        } else if (fired.kind() == PhaseTimer.Kind.FINALS && state.phase == Phase.PODIUM) {
            cycle.sendFinals(out);
        }
        return out;
    }
}
