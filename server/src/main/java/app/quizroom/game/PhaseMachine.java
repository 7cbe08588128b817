package app.quizroom.game;

import app.quizroom.bank.Question;
import app.quizroom.config.Limits;
import app.quizroom.protocol.ErrorCode;
import app.quizroom.protocol.ServerMessage;
import app.quizroom.support.Clock;

import java.util.List;

/**
 * The phases of a game and their clock: the question cycle (intro, team talk, answering, reveal, leaderboard), the
 * podium and the end, the timers that move a question on (and that end the podium's reveal), and pause. Host
 * commands that move the game come here and return what to send; a timer delivers its own frames when it fires, and
 * a stale one does nothing. Owned by the room.
 *
 * <p>Longer than 300 lines on purpose: the phase, the pause and the pending timer are one piece of state, and every
 * method here reads or moves all three (a pause cancels the timer and freezes the phase's end; a resume re-arms it;
 * closing, ending and finishing each cancel it). Split apart, each piece would need the others' fields, and the
 * rule "one timer, for the current question and phase" would no longer be checked in one place.
 */
final class PhaseMachine {

    static final int LEADERBOARD_SIZE = 5;
    static final int PODIUM_TOP = 3;

    private final List<Question> questions;
    private final GameOptions options;
    /** The seed of every random choice of the game; each question's option order derives from it. */
    private final long seed;
    /** Null in an individual game. */
    private final Teams teams;
    private final Clock clock;
    private final PhaseTimer timer;
    private final GameRecorder recorder;
    private final Roster roster;
    private final Scoreboard board;
    private final AnswerDesk answers;
    private final Frames frames;
    private final Audience audience;
    private final Gate gate;
    /** The questions as played, their option order and the game's id: one source for this room and its edges. */
    private final RoomPlan plan;
    /** The room's players on other nodes; {@link Remotes#NONE} alone. */
    private Remotes remotes = Remotes.NONE;

    private Phase phase = Phase.LOBBY;
    private QuestionRun run;
    private boolean paused;
    private long pausedRemainingMs;
    private long pausedAt;
    /** In the podium: whether each player's final frame has gone out. */
    private boolean finalsOut;

    /** @param afterTimer run after each timer's frames have gone out (the room checks whether its state moved) */
    PhaseMachine(List<Question> questions, GameOptions options, long seed, Teams teams, Room.Environment env,
                 GameRecorder recorder, Roster roster, Scoreboard board, AnswerDesk answers, Frames frames,
                 Audience audience, Gate gate, Runnable afterTimer) {
        this.questions = questions;
        this.options = options;
        this.seed = seed;
        this.teams = teams;
        this.clock = env.clock();
        this.recorder = recorder;
        this.roster = roster;
        this.board = board;
        this.answers = answers;
        this.frames = frames;
        this.audience = audience;
        this.gate = gate;
        this.plan = new RoomPlan(questions, options.shuffleOptions(), options.timeLimitSeconds(), seed,
                recorder.gameId());
        this.timer = new PhaseTimer(env.scheduler(), env.executor(), fired -> {
            audience.deliver(onTimer(fired));
            afterTimer.run();
        });
    }

    Phase phase() {
        return phase;
    }

    RoomPlan plan() {
        return plan;
    }

    /** From now on the room's players on other nodes are told where the game is, starting now. */
    void relayTo(Remotes remotes) {
        this.remotes = remotes;
        moved();
    }

    /** Answers to this question other nodes have taken and not yet sent (see {@link Remotes#counted}). */
    int counted(int question) {
        return remotes.counted(question);
    }

    /** Tells the room's other nodes where the game is now. */
    private void moved() {
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

    /** The host starts the game; this and the other host commands return the frames to send, or a refusal. */
    Reply start(String ref) {
        if (phase != Phase.LOBBY) {
            return Refusal.wrongPhase(ref, phase);
        }
        if (roster.size() == 0) {
            return new Refusal(ErrorCode.NO_PLAYERS, "Wait for at least one player to join.");
        }
        recorder.gameStarted();
        Outbox out = new Outbox();
        if (teams != null) {
            teams.dropEmpty();
            out.toHost(frames.lobby());
        }
        beginQuestion(0, out);
        return out;
    }

    Reply next(String ref) {
        if (paused) {
            return new Refusal(ErrorCode.PAUSED, "Resume the game first.");
        }
        Outbox out = new Outbox();
        switch (phase) {
            case INTRO -> afterReading(out);
            case TALK -> openAnswers(out);
            case REVEAL -> showLeaderboard(out);
            case LEADERBOARD -> {
                if (run.index + 1 < questions.size()) {
                    beginQuestion(run.index + 1, out);
                } else {
                    showPodium(out, GameRecorder.Ending.FINISHED);
                }
            }
            case PODIUM -> finish(out);
            default -> {
                return Refusal.wrongPhase(ref, phase);
            }
        }
        return out;
    }

    Reply skip(String ref) {
        if (!phase.questionOpen()) {
            return Refusal.wrongPhase(ref, phase);
        }
        paused = false; // quietly: the reveal that follows says the game moves on
        Outbox out = new Outbox();
        closeQuestion(out);
        return out;
    }

    Reply end() {
        paused = false; // quietly: the podium or the end that follows says the game moves on
        Outbox out = new Outbox();
        if (phase == Phase.LOBBY || phase == Phase.PODIUM) {
            finish(out);
        } else {
            showPodium(out, lastQuestionClosed() ? GameRecorder.Ending.FINISHED : GameRecorder.Ending.ENDED_EARLY);
        }
        return out;
    }

    /** True once the last question has reached its reveal: ending then cuts nothing short. */
    private boolean lastQuestionClosed() {
        return run != null && run.index == questions.size() - 1
                && (phase == Phase.REVEAL || phase == Phase.LEADERBOARD);
    }

    Reply pause(String ref) {
        if (!phase.questionOpen()) {
            return Refusal.wrongPhase(ref, phase);
        }
        if (paused) {
            return new Refusal(ErrorCode.PAUSED, "The game is already paused.");
        }
        long at = clock.millis();
        pausedRemainingMs = Math.max(0, phaseEndsAt() - at);
        paused = true;
        timer.cancel();
        pausedAt = at;
        moved();
        return new Outbox().toEveryone(new ServerMessage.Paused(true, phase.wireName(), run.index, pausedRemainingMs));
    }

    Reply resume() {
        if (!paused) {
            return new Refusal(ErrorCode.NOT_PAUSED, "The game is not paused.");
        }
        long at = clock.millis();
        paused = false;
        if (phase == Phase.INTRO) {
            run.introEndsAt = at + pausedRemainingMs;
            timer.set(run.index, PhaseTimer.Kind.OPEN_ANSWERS, pausedRemainingMs);
        } else if (phase == Phase.TALK) {
            run.talkEndsAt = at + pausedRemainingMs;
            timer.set(run.index, PhaseTimer.Kind.OPEN_ANSWERS, pausedRemainingMs);
        } else {
            // Time spent paused does not count towards anyone's response time.
            run.openedAt += at - pausedAt;
            run.deadline = at + pausedRemainingMs;
            timer.set(run.index, PhaseTimer.Kind.DEADLINE, pausedRemainingMs);
        }
        moved();
        Outbox out = new Outbox()
                .toEveryone(new ServerMessage.Paused(false, phase.wireName(), run.index, pausedRemainingMs));
        closeIfAllAnswered(out); // those still to answer may have left during the pause
        return out;
    }

    /**
     * Closes the open question once every connected player has answered (after an answer, a disconnect, a kick or
     * a resume); returns whether it did. Not while paused: the countdown is frozen.
     */
    boolean closeIfAllAnswered(Outbox out) {
        if (phase == Phase.ANSWERING && !paused && (answers.allAnswered(run) || pastDeadlineAndNoneAwaited())) {
            closeQuestion(out);
            return true;
        }
        return false;
    }

    /**
     * The deadline has passed and no other node still owes its answers: the question closes, as it would have at
     * its deadline. Alone (no other nodes) the deadline's timer always closes it first.
     */
    private boolean pastDeadlineAndNoneAwaited() {
        return remotes != Remotes.NONE && clock.millis() >= run.deadline && !remotes.awaiting(run.index);
    }

    /**
     * The room is going away: no more timers, and the game is recorded as it ends (cut short unless over). A podium
     * still being revealed sends each player's final standing into {@code out} first.
     */
    void closeRoom(Outbox out) {
        timer.cancel();
        if (phase == Phase.PODIUM && !finalsOut) {
            sendFinals(out);
        }
        if (phase == Phase.LOBBY) {
            recorder.gameEnded(GameRecorder.Ending.FINISHED, List.of()); // never started: nothing was cut short
        } else if (phase != Phase.PODIUM && phase != Phase.FINISHED) {
            board.rankIfStale(roster.all());
            recorder.gameEnded(GameRecorder.Ending.INTERRUPTED, board.finalScores()); // cut short
        }
        phase = Phase.FINISHED;
        moved();
    }

    /** Question {@code index} as this game plays it (its option order derives from the seed and the index). */
    QuestionRun runOf(int index) {
        return plan.run(index);
    }

    /** The questions in the order this game plays them. */
    List<Question> questions() {
        return questions;
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

    /**
     * Puts the game back where a saved state left it, {@code elapsedMs} later (the players' answers are back
     * already). A paused game stays paused with the time it had. Otherwise an open question gets the time it had
     * left, and one whose time ran out meanwhile moves on: past its deadline it closes (scored, revealed); past its
     * reading time or team talk its answers open, with their full time. A podium whose reveal was still running
     * sends the finals when it would have.
     */
    void restore(Clocks saved, long elapsedMs, Outbox out) {
        phase = saved.phase();
        if (saved.question() >= 0) {
            run = runOf(saved.question());
            int index = run.index;
            run.answered = (int) roster.all().stream().filter(p -> p.answers.containsKey(index)).count();
        }
        finalsOut = saved.finalsOut();
        long at = clock.millis();
        if (phase == Phase.PODIUM && !finalsOut) {
            timer.set(run.index, PhaseTimer.Kind.FINALS, Math.max(0, Limits.PODIUM_REVEAL_MS - elapsedMs));
        }
        if (!phase.questionOpen()) {
            return;
        }
        paused = saved.paused();
        long left = paused ? saved.remainingMs() : saved.remainingMs() - elapsedMs;
        run.introEndsAt = at + left;
        run.talkEndsAt = at + left;
        run.openedAt = at - saved.answeringMs() - (paused ? 0 : elapsedMs);
        run.deadline = at + left;
        if (paused) {
            pausedRemainingMs = saved.remainingMs();
            pausedAt = at;
        } else if (left > 0) {
            timer.set(run.index, phase == Phase.ANSWERING ? PhaseTimer.Kind.DEADLINE : PhaseTimer.Kind.OPEN_ANSWERS,
                    left);
        } else if (phase == Phase.ANSWERING) {
            closeQuestion(out);
        } else if (phase == Phase.INTRO) {
            afterReading(out);
        } else {
            openAnswers(out);
        }
    }

    /**
     * The room has moved to another owner: no timer fires again and nothing more is recorded (the new owner
     * records the game from here).
     */
    void abandon() {
        timer.cancel();
        phase = Phase.FINISHED;
    }

    private void beginQuestion(int index, Outbox out) {
        Question q = questions.get(index);
        run = runOf(index);
        long reading = options.readingSeconds() * 1000L;
        run.introEndsAt = clock.millis() + reading;
        phase = Phase.INTRO;
        recorder.questionShown(new GameRecorder.PlayedQuestion(index, q.id(), q.type(), q.prompt(),
                run.displayedTexts(), run.solution(), q.points(), run.timeLimitMs, q.explanation(),
                run.optionExplanations(), q.skill()));
        if (reading > 0) {
            timer.set(run.index, PhaseTimer.Kind.OPEN_ANSWERS, reading);
        }
        moved();
        Moment shown = new Moment(phase, run, paused, reading);
        out.toPlayers(frames.questionForPlayers(shown, null)).toHost(frames.questionForHost(shown));
        if (reading == 0) {
            afterReading(out);
        }
    }

    /** The reading time is over: team talk if the game has it, else answers open. */
    private void afterReading(Outbox out) {
        long talk = teams == null ? 0 : teams.options().talkSeconds() * 1000L;
        if (talk == 0) {
            openAnswers(out);
            return;
        }
        phase = Phase.TALK;
        run.talkEndsAt = clock.millis() + talk;
        timer.set(run.index, PhaseTimer.Kind.OPEN_ANSWERS, talk);
        moved();
        out.toEveryone(new ServerMessage.Talk(run.index, talk));
    }

    private void openAnswers(Outbox out) {
        long at = clock.millis();
        phase = Phase.ANSWERING;
        run.openedAt = at;
        run.deadline = at + run.timeLimitMs;
        timer.set(run.index, PhaseTimer.Kind.DEADLINE, run.timeLimitMs);
        moved();
        out.toEveryone(new ServerMessage.Answering(run.index, run.timeLimitMs, run.timeLimitMs))
                .toHost(frames.count(run));
    }

    private void closeQuestion(Outbox out) {
        timer.cancel();
        phase = Phase.REVEAL;
        moved();
        board.scoreQuestion(run, roster.all());
        recorder.questionScored(run.index, board.scores());
        QuestionRun closed = run;
        ServerMessage.Solution solution = closed.solution();
        out.toHost(frames.reveal(closed, solution)).toEachPlayer(p -> frames.result(closed, p, solution));
    }

    private void showLeaderboard(Outbox out) {
        phase = Phase.LEADERBOARD;
        moved();
        out.toHost(board.leaderboard(run.index, questions.size(), LEADERBOARD_SIZE));
    }

    private void showPodium(Outbox out, GameRecorder.Ending ending) {
        timer.cancel();
        board.rankIfStale(roster.all());
        phase = Phase.PODIUM;
        moved();
        recorder.gameEnded(ending, board.finalScores());
        out.toHost(board.podium());
        // The projector reveals third, second, then first; each phone tells its own rank only once it has.
        finalsOut = false;
        timer.set(run.index, PhaseTimer.Kind.FINALS, Limits.PODIUM_REVEAL_MS);
    }

    /** Each connected player's final standing (one frame each); a player seated later gets it in the snapshot. */
    private void sendFinals(Outbox out) {
        finalsOut = true;
        List<ServerMessage.Standing> top = board.standings(PODIUM_TOP);
        for (Player p : roster.all()) {
            out.toLink(p.link, board.finalFor(p, top));
        }
    }

    private void finish(Outbox out) {
        timer.cancel();
        if (phase == Phase.LOBBY) {
            recorder.gameEnded(GameRecorder.Ending.FINISHED, List.of());
        }
        if (phase == Phase.PODIUM && !finalsOut) {
            sendFinals(out); // the teacher ended the podium before its reveal was over
        }
        phase = Phase.FINISHED;
        moved();
        gate.finish();
        out.toEveryone(new ServerMessage.Finished());
    }

    private long phaseEndsAt() {
        return switch (phase) {
            case INTRO -> run.introEndsAt;
            case TALK -> run.talkEndsAt;
            default -> run.deadline;
        };
    }

    Outbox onTimer(PhaseTimer.Fired fired) {
        Outbox out = new Outbox();
        if (!timer.isCurrent(fired) || run == null || fired.question() != run.index || paused) {
            return out; // stale: the question or phase it was set for has moved on
        }
        if (fired.kind() == PhaseTimer.Kind.OPEN_ANSWERS && phase == Phase.INTRO) {
            afterReading(out);
        } else if (fired.kind() == PhaseTimer.Kind.OPEN_ANSWERS && phase == Phase.TALK) {
            openAnswers(out);
        } else if (fired.kind() == PhaseTimer.Kind.DEADLINE && phase == Phase.ANSWERING) {
            if (remotes.awaiting(run.index)) {
                // Another node's answers are on their way: wait for them, but no longer than the grace period.
                timer.set(run.index, PhaseTimer.Kind.GRACE, Limits.REMOTE_ANSWERS_GRACE_MS);
            } else {
                closeQuestion(out);
            }
        } else if (fired.kind() == PhaseTimer.Kind.GRACE && phase == Phase.ANSWERING) {
            closeQuestion(out);
        } else if (fired.kind() == PhaseTimer.Kind.FINALS && phase == Phase.PODIUM) {
            sendFinals(out);
        }
        return out;
    }
}
