package app.quizroom.game;

import app.quizroom.bank.Question;
import app.quizroom.config.Limits;
import app.quizroom.protocol.ServerMessage;
import app.quizroom.support.Clock;

import java.util.List;

/**
 * The question cycle's transitions (a question shown, its reading time over, answers open, the question closed and
 * scored, the leaderboard, the podium and its finals, the end): each moves the {@link PhaseState}, sets or cancels
 * the one timer, tells the recorder and puts what to send into an {@link Outbox}. The {@link PhaseMachine} decides
 * when; this says what happens, and where a saved state picks the cycle up again. Owned by the room. It holds no
 * state of its own (the phase's is in {@code state}), so it is a record of its collaborators.
 *
 * @param teams null in an individual game
 */
record QuestionCycle(List<Question> questions, GameOptions options, Teams teams, Clock clock, PhaseTimer timer,
                     GameRecorder recorder, Roster roster, Scoreboard board, Frames frames, Gate gate, RoomPlan plan,
                     PhaseState state) {

    static final int LEADERBOARD_SIZE = 5;
    static final int PODIUM_TOP = 3;

    /** The game starts: teams nobody joined go, and the first question is shown. */
    void start(Outbox out) {
        recorder.gameStarted();
        if (teams != null) {
            teams.dropEmpty();
            out.toHost(frames.lobby());
        }
        beginQuestion(0, out);
    }

    void beginQuestion(int index, Outbox out) {
        Question q = questions.get(index);
        state.run = plan.run(index);
        long reading = options.readingSeconds() * 1000L;
        state.run.introEndsAt = clock.millis() + reading;
        state.phase = Phase.INTRO;
        recorder.questionShown(new GameRecorder.PlayedQuestion(index, q.id(), q.type(), q.prompt(),
                state.run.displayedTexts(), state.run.solution(), q.points(), state.run.timeLimitMs, q.explanation(),
                state.run.optionExplanations(), q.skill()));
        if (reading > 0) {
            timer.set(state.run.index, PhaseTimer.Kind.OPEN_ANSWERS, reading);
        }
        state.moved();
        Moment shown = new Moment(state.phase, state.run, state.paused, reading);
        out.toPlayers(frames.questionForPlayers(shown, null)).toHost(frames.questionForHost(shown));
        if (reading == 0) {
            afterReading(out);
        }
    }

    /** The reading time is over: team talk if the game has it, else answers open. */
    void afterReading(Outbox out) {
        long talk = teams == null ? 0 : teams.options().talkSeconds() * 1000L;
        if (talk == 0) {
            openAnswers(out);
            return;
        }
        state.phase = Phase.TALK;
        state.run.talkEndsAt = clock.millis() + talk;
        timer.set(state.run.index, PhaseTimer.Kind.OPEN_ANSWERS, talk);
        state.moved();
        out.toEveryone(new ServerMessage.Talk(state.run.index, talk));
    }

    void openAnswers(Outbox out) {
        long at = clock.millis();
        state.phase = Phase.ANSWERING;
        state.run.openedAt = at;
        state.run.deadline = at + state.run.timeLimitMs;
        timer.set(state.run.index, PhaseTimer.Kind.DEADLINE, state.run.timeLimitMs);
        state.moved();
        out.toEveryone(new ServerMessage.Answering(state.run.index, state.run.timeLimitMs, state.run.timeLimitMs))
                .toHost(frames.count(state.run));
    }

    void closeQuestion(Outbox out) {
        timer.cancel();
        state.phase = Phase.REVEAL;
        state.moved();
        board.scoreQuestion(state.run, roster.all());
        recorder.questionScored(state.run.index, board.scores());
        QuestionRun closed = state.run;
        ServerMessage.Solution solution = closed.solution();
        out.toHost(frames.reveal(closed, solution)).toEachPlayer(p -> frames.result(closed, p, solution));
    }

    void showLeaderboard(Outbox out) {
        state.phase = Phase.LEADERBOARD;
        state.moved();
        out.toHost(board.leaderboard(state.run.index, questions.size(), LEADERBOARD_SIZE));
    }

    void showPodium(Outbox out, GameRecorder.Ending ending) {
        timer.cancel();
        board.rankIfStale(roster.all());
        state.phase = Phase.PODIUM;
        state.moved();
        recorder.gameEnded(ending, board.finalScores());
        out.toHost(board.podium());
        // The projector reveals third, second, then first; each phone tells its own rank only once it has.
        state.finalsOut = false;
        timer.set(state.run.index, PhaseTimer.Kind.FINALS, Limits.PODIUM_REVEAL_MS);
    }

    /** Each connected player's final standing (one frame each); a player seated later gets it in the snapshot. */
    void sendFinals(Outbox out) {
        state.finalsOut = true;
        List<ServerMessage.Standing> top = board.standings(PODIUM_TOP);
        for (Player p : roster.all()) {
            out.toLink(p.link, board.finalFor(p, top));
        }
    }

    void finish(Outbox out) {
        timer.cancel();
        if (state.phase == Phase.LOBBY) {
            recorder.gameEnded(GameRecorder.Ending.FINISHED, List.of());
        }
        if (state.phase == Phase.PODIUM && !state.finalsOut) {
            sendFinals(out); // the teacher ended the podium before its reveal was over
        }
        state.phase = Phase.FINISHED;
        state.moved();
        gate.finish();
        out.toEveryone(new ServerMessage.Finished());
    }

    /** The room is going away (see {@link PhaseMachine#closeRoom}). */
    void closeRoom(Outbox out) {
        timer.cancel();
        if (state.phase == Phase.PODIUM && !state.finalsOut) {
            sendFinals(out);
        }
        if (state.phase == Phase.LOBBY) {
            recorder.gameEnded(GameRecorder.Ending.FINISHED, List.of()); // never started: nothing was cut short
        } else if (state.phase != Phase.PODIUM && state.phase != Phase.FINISHED) {
            board.rankIfStale(roster.all());
            recorder.gameEnded(GameRecorder.Ending.INTERRUPTED, board.finalScores()); // cut short
        }
        state.phase = Phase.FINISHED;
        state.moved();
    }

    /**
     * Puts the game back where a saved state left it, {@code elapsedMs} later (the players' answers are back
     * already). A paused game stays paused with the time it had. Otherwise an open question gets the time it had
     * left, and one whose time ran out meanwhile moves on: past its deadline it closes (scored, revealed); past its
     * reading time or team talk its answers open, with their full time. A podium whose reveal was still running
     * sends the finals when it would have.
     */
    void restore(PhaseState.Clocks saved, long elapsedMs, Outbox out) {
        state.phase = saved.phase();
        if (saved.question() >= 0) {
            state.run = plan.run(saved.question());
            int index = state.run.index;
            state.run.answered = (int) roster.all().stream().filter(p -> p.answers.containsKey(index)).count();
        }
        state.finalsOut = saved.finalsOut();
        long at = clock.millis();
        if (state.phase == Phase.PODIUM && !state.finalsOut) {
            timer.set(state.run.index, PhaseTimer.Kind.FINALS, Math.max(0, Limits.PODIUM_REVEAL_MS - elapsedMs));
        }
        if (!state.phase.questionOpen()) {
            return;
        }
        state.paused = saved.paused();
        long left = state.paused ? saved.remainingMs() : saved.remainingMs() - elapsedMs;
        state.run.introEndsAt = at + left;
        state.run.talkEndsAt = at + left;
        state.run.openedAt = at - saved.answeringMs() - (state.paused ? 0 : elapsedMs);
        state.run.deadline = at + left;
        if (state.paused) {
            state.pausedRemainingMs = saved.remainingMs();
            state.pausedAt = at;
        } else if (left > 0) {
            timer.set(state.run.index,
                    state.phase == Phase.ANSWERING ? PhaseTimer.Kind.DEADLINE : PhaseTimer.Kind.OPEN_ANSWERS, left);
        } else if (state.phase == Phase.ANSWERING) {
            closeQuestion(out);
        } else if (state.phase == Phase.INTRO) {
            afterReading(out);
        } else {
            openAnswers(out);
        }
    }
}
