package app.quizroom.game;

import app.quizroom.bank.Bank;
import app.quizroom.bank.Question;
import app.quizroom.protocol.ClientMessage;
import app.quizroom.protocol.Codec;
import app.quizroom.protocol.ServerMessage;
import app.quizroom.scoring.AnswerValue;
import app.quizroom.scoring.Scoring;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executor;

/**
 * One live game. Every method here runs on the room's own executor (a Vert.x context in the server), so the
 * state needs no locks; other threads enter through {@link #execute}. Timers come back as {@link TimerFired}
 * messages naming their question, and a stale one does nothing.
 */
public final class Room {

    /** WebSocket close codes the room uses. */
    public static final int CLOSE_REPLACED = 4000;
    public static final int CLOSE_KICKED = 4001;
    public static final int CLOSE_ROOM_GONE = 4002;

    /** The host's answer count is sent at most this often. */
    static final long COUNT_INTERVAL_MS = 200;
    static final int LEADERBOARD_SIZE = 5;
    /** For a PIN that is unknown, finished or locked alike. */
    public static final String NO_SUCH_ROOM =
            "No open game has that PIN. Check the number on the screen; the teacher may also have locked the game.";

    /** A timer coming back into the room. */
    record TimerFired(int question, Kind kind, long sequence) {
        enum Kind { OPEN_ANSWERS, DEADLINE }
    }

    /** Everything a room needs from its surroundings. */
    public record Environment(Executor executor, Clock clock, Scheduler scheduler, RoomMetrics metrics,
                              Limits limits) {

        /** With default join limits and the built-in blocklist (for tests). */
        public Environment(Executor executor, Clock clock, Scheduler scheduler, RoomMetrics metrics, int maxPlayers) {
            this(executor, clock, scheduler, metrics, new Limits(maxPlayers,
                    app.quizroom.config.Limits.DEFAULT_JOINS_PER_SECOND, app.quizroom.config.Limits.DEFAULT_JOIN_BURST,
                    Blocklist.defaults()));
        }
    }

    /** Per-room limits, from the server's configuration. */
    public record Limits(int maxPlayers, int joinsPerSecond, int joinBurst, Blocklist blocklist) {
    }

    private final String pin;
    private final String hostToken;
    private final Bank bank;
    private final GameOptions options;
    private final List<Question> questions;
    private final Environment env;
    private final String joinUrl;
    private final String qrUrl;
    /** The seed of every random choice of this game (question order, option shuffles, names, teams). */
    private final long seed;
    private final Random random;
    private final GameRecorder recorder;
    /** Null in an individual game. */
    private final Teams teams;
    private boolean storageFailing;
    /** Read by the edge on other threads: whether a new player may join at all (not locked, finished or closing). */
    private volatile boolean joinable = true;
    private boolean shuttingDown;

    private Phase phase = Phase.LOBBY;
    private boolean locked;
    private boolean paused;
    private long pausedRemainingMs;
    private QuestionRun run;
    private long timerSequence;
    private Scheduler.Cancellable timer;
    private long lastCountSentAt = Long.MIN_VALUE;
    private boolean countFlushPending;

    private final Roster roster;
    private Link hostLink;
    private final Scoreboard board;
    private long lastActivity;
    private final RateLimiter joins;

    public Room(String pin, String hostToken, Bank bank, GameOptions options, Environment env, String joinUrl,
                String qrUrl, GameRecorder recorder) {
        this(pin, hostToken, bank, options, env, joinUrl, qrUrl, recorder, new SecureRandom().nextLong());
    }

    /**
     * @param seed every random choice of the game derives from it, and each question's option order from it and
     *             the question's index alone, so a stored seed replays exactly what each player saw
     */
    public Room(String pin, String hostToken, Bank bank, GameOptions options, Environment env, String joinUrl,
                String qrUrl, GameRecorder recorder, long seed) {
        this.pin = pin;
        this.recorder = recorder;
        this.teams = options.teams() == null ? null : new Teams(options.teams());
        this.hostToken = hostToken;
        this.bank = bank;
        this.options = options;
        this.env = env;
        this.joinUrl = joinUrl;
        this.qrUrl = qrUrl;
        this.seed = seed;
        this.random = new Random(seed);
        List<Question> list = new ArrayList<>(bank.questions());
        if (options.shuffleQuestions()) {
            Collections.shuffle(list, random);
        }
        this.questions = List.copyOf(list);
        this.lastActivity = env.clock().millis();
        this.joins = new RateLimiter(env.clock(), env.limits().joinsPerSecond(), env.limits().joinBurst());
        this.roster = new Roster(env.metrics());
        this.board = new Scoreboard(options, teams);
    }

    public String pin() {
        return pin;
    }

    public Bank bank() {
        return bank;
    }

    /** Runs a task on the room's own context. */
    public void execute(Runnable task) {
        env.executor().execute(task);
    }

    // ------------------------------------------------------------------ entry points (room context only)

    /** Handles one decoded message from a client; {@code arrivedAt} is the server clock at its arrival. */
    public void onMessage(Link link, ClientMessage message, long arrivedAt) {
        lastActivity = env.clock().millis();
        if (message instanceof ClientMessage.Join join) {
            join(link, join.name(), join.team());
        } else if (message instanceof ClientMessage.SwitchTeam switchTeam) {
            Player player = roster.byLink(link);
            if (player == null) {
                refuse(link, "not_joined", "Join the game first.", "switchTeam");
            } else {
                switchTeam(player, switchTeam.team());
            }
        } else if (message instanceof ClientMessage.Rejoin rejoin) {
            rejoin(link, rejoin.seatToken());
        } else if (message instanceof ClientMessage.Host host) {
            attachHost(link, host.hostToken());
        } else if (message instanceof ClientMessage.Answer answer) {
            Player player = roster.byLink(link);
            if (player == null) {
                refuse(link, link == hostLink ? "not_allowed" : "not_joined",
                        link == hostLink ? "The host does not answer questions." : "Join the game first.", "answer");
            } else {
                answer(player, answer, arrivedAt);
            }
        } else if (ClientMessage.isHostCommand(message)) {
            if (link != hostLink) {
                refuse(link, "not_allowed", "Only the host can do that.", Codec.typeOf(message));
            } else {
                hostCommand(message);
            }
        }
    }

    /** A client's connection closed. */
    public void onClose(Link link) {
        lastActivity = env.clock().millis();
        if (link == hostLink) {
            hostLink = null;
            return;
        }
        Player player = roster.byLink(link);
        if (player != null && player.link == link) {
            roster.unbind(player);
            sendHost(new ServerMessage.PlayerConnection(player.id, false));
            if (phase == Phase.ANSWERING && !paused && everyConnectedPlayerAnswered()) {
                closeQuestion();
            }
        }
    }

    /** True when nobody has been connected for {@code idleMs}; such a room can be swept. */
    public boolean isAbandoned(long now, long idleMs) {
        return hostLink == null && roster.connected() == 0 && now - lastActivity >= idleMs;
    }

    /** Ends the room for good (sweep or shutdown), telling whoever is still connected. */
    public void close() {
        cancelTimer();
        if (phase == Phase.LOBBY) {
            recorder.gameEnded(true, List.of()); // never started: nothing was cut short
        } else if (phase != Phase.PODIUM && phase != Phase.FINISHED) {
            board.rankIfStale(roster.all());
            recorder.gameEnded(false, board.finalScores()); // cut short: the report shows it as interrupted
        }
        phase = Phase.FINISHED;
        joinable = false;
        List<Link> links = roster.links();
        roster.unbindAll();
        if (hostLink != null) {
            links.add(hostLink);
        }
        for (Link link : links) {
            link.send(new ServerMessage.Finished());
            link.close(CLOSE_ROOM_GONE, "room closed");
        }
        hostLink = null;
    }

    public Phase phase() {
        return phase;
    }

    /**
     * Whether new players may join (safe from any thread). The edge answers a join into a room that may not be
     * joined exactly as a wrong PIN, counted as one, so that scanning cannot tell the two apart.
     */
    public boolean acceptsJoins() {
        return joinable;
    }

    /** The results store started or stopped failing: the host is told, since results may not be kept. */
    public void storageChanged(boolean saving) {
        storageFailing = !saving;
        sendHost(storageMessage());
    }

    private ServerMessage.Storage storageMessage() {
        return new ServerMessage.Storage(!storageFailing, storageFailing
                ? "Results cannot be saved right now. The game goes on; results are kept and saved when possible."
                : "Results are being saved.");
    }

    /** The server is going down: no new joins; everyone is told. */
    public void shutdown(String message) {
        shuttingDown = true;
        joinable = false;
        broadcastAll(new ServerMessage.Shutdown(message));
    }

    // ------------------------------------------------------------------ joining

    private void join(Link link, String rawName, Integer chosenTeam) {
        if (roster.byLink(link) != null || link == hostLink) {
            refuse(link, "already_joined", "This connection is already in the game.", "join");
            return;
        }
        if (phase == Phase.FINISHED) {
            refuse(link, "room_not_found", NO_SUCH_ROOM, "join");
            return;
        }
        if (shuttingDown) {
            refuse(link, "shutting_down", "The server is restarting; try again in a moment.", "join");
            return;
        }
        if (locked) {
            // The same answer as for a PIN that does not exist, so that a locked room cannot be found by scanning.
            refuse(link, "room_not_found", NO_SUCH_ROOM, "join");
            return;
        }
        if (roster.size() >= env.limits().maxPlayers()) {
            refuse(link, "room_full", "This game is full.", "join");
            return;
        }
        if (!joins.tryAcquire()) {
            refuse(link, "rate_limited", "Many people are joining at once; try again in a moment.", "join");
            return;
        }
        Nicknames.Valid name;
        if (options.generatedNames()) {
            String generated = NameGenerator.next(random, candidate -> roster.nameTaken(Nicknames.key(candidate)));
            name = new Nicknames.Valid(generated, Nicknames.key(generated));
        } else {
            Nicknames.Result checked = Nicknames.check(rawName);
            if (checked instanceof Nicknames.Invalid invalid) {
                refuse(link, "name_invalid", invalid.message(), "join");
                return;
            }
            name = (Nicknames.Valid) checked;
            if (env.limits().blocklist().blocks(name.display())) {
                refuse(link, "name_blocked", "Please choose another nickname.", "join");
                return;
            }
            if (roster.nameTaken(name.key())) {
                refuse(link, "name_taken", "Someone already has that nickname; try another.", "join");
                return;
            }
        }
        Team team = null;
        if (teams != null) {
            try {
                team = teams.place(chosenTeam);
            } catch (Teams.Refusal refusal) {
                if (refusal.code.equals("team_required")) {
                    link.seated(); // choosing a team is not idling: no join timeout for this socket
                    link.send(new ServerMessage.ChooseTeam(teams.infos()));
                } else {
                    refuse(link, refusal.code, refusal.getMessage(), "join");
                }
                return;
            }
        }
        Player player = roster.seat(name);
        int id = player.id;
        if (team != null) {
            teams.add(player, team);
        }
        if (phase.compareTo(Phase.REVEAL) >= 0 && phase != Phase.FINISHED) {
            board.rank(roster.all());
        }
        roster.bind(player, link);
        recorder.playerJoined(id, player.name, team == null ? null : team.name);
        sendHost(new ServerMessage.PlayerJoined(info(player), roster.size()));
        sendPlayerSnapshot(player);
    }

    private void rejoin(Link link, String token) {
        if (link == hostLink) {
            refuse(link, "not_allowed", "The host's connection cannot take a player's seat.", "rejoin");
            return;
        }
        Player player = roster.bySeatToken(token);
        if (player == null) {
            refuse(link, "bad_token", "That seat is not available; join again with a nickname.", "rejoin");
            return;
        }
        if (phase == Phase.FINISHED) {
            link.send(new ServerMessage.Finished());
            return;
        }
        Player current = roster.byLink(link);
        if (current != null && current != player) {
            refuse(link, "already_joined", "This connection already holds another seat.", "rejoin");
            return;
        }
        boolean wasConnected = player.link != null;
        if (wasConnected && player.link != link) {
            Link old = roster.unbind(player);
            old.close(CLOSE_REPLACED, "seat taken over by a newer connection");
        }
        roster.bind(player, link);
        if (!wasConnected) {
            sendHost(new ServerMessage.PlayerConnection(player.id, true));
        }
        sendPlayerSnapshot(player);
    }

    private void attachHost(Link link, String token) {
        if (!Tokens.same(hostToken, token)) {
            refuse(link, "bad_token", "That host key is not valid for this game.", "host");
            return;
        }
        if (roster.byLink(link) != null) {
            refuse(link, "not_allowed", "A player's connection cannot become the host.", "host");
            return;
        }
        if (hostLink != null && hostLink != link) {
            hostLink.close(CLOSE_REPLACED, "host taken over by a newer connection");
        }
        hostLink = link;
        link.seated();
        sendHostSnapshot();
    }

    // ------------------------------------------------------------------ host commands

    private void hostCommand(ClientMessage command) {
        String ref = Codec.typeOf(command);
        if (phase == Phase.FINISHED) {
            refuse(hostLink, "wrong_phase", "The game is over.", ref);
            return;
        }
        if (command instanceof ClientMessage.Start) {
            if (phase != Phase.LOBBY) {
                wrongPhase(ref);
            } else if (roster.size() == 0) {
                refuse(hostLink, "no_players", "Wait for at least one player to join.", ref);
            } else {
                recorder.gameStarted();
                if (teams != null) {
                    teams.dropEmpty();
                    sendHost(lobby());
                }
                beginQuestion(0);
            }
        } else if (command instanceof ClientMessage.Next) {
            next(ref);
        } else if (command instanceof ClientMessage.Skip) {
            if (questionOpen()) {
                unpauseQuietly();
                closeQuestion();
            } else {
                wrongPhase(ref);
            }
        } else if (command instanceof ClientMessage.Pause) {
            pause(ref);
        } else if (command instanceof ClientMessage.Resume) {
            resume(ref);
        } else if (command instanceof ClientMessage.End) {
            unpauseQuietly();
            if (phase == Phase.LOBBY || phase == Phase.PODIUM) {
                finish();
            } else {
                showPodium();
            }
        } else if (command instanceof ClientMessage.Lock) {
            setLocked(true);
        } else if (command instanceof ClientMessage.Unlock) {
            setLocked(false);
        } else if (command instanceof ClientMessage.Kick kick) {
            kick(kick.playerId());
        } else if (command instanceof ClientMessage.MoveTeam move) {
            moveTeam(move.playerId(), move.team());
        } else if (command instanceof ClientMessage.Rebalance) {
            rebalance(ref);
        }
    }

    // ------------------------------------------------------------------ teams

    private void switchTeam(Player player, int teamId) {
        if (teams == null || !teams.options().playersPick()) {
            refuse(player.link, "not_allowed", "Teams are set by the teacher in this game.", "switchTeam");
            return;
        }
        if (phase != Phase.LOBBY) {
            refuse(player.link, "wrong_phase", "Teams cannot change once the game has started.", "switchTeam");
            return;
        }
        Team team = teams.byId(teamId);
        if (team == null) {
            refuse(player.link, "no_such_team", "There is no such team.", "switchTeam");
        } else if (team != player.team && teams.isFull(team)) {
            refuse(player.link, "team_full", "The " + team.name + " is full; choose another team.", "switchTeam");
        } else {
            changeTeam(player, team, "player");
        }
    }

    private void moveTeam(int playerId, int teamId) {
        Player player = roster.byId(playerId);
        Team team = teams == null ? null : teams.byId(teamId);
        if (teams == null) {
            refuse(hostLink, "not_allowed", "This is not a team game.", "moveTeam");
        } else if (player == null) {
            refuse(hostLink, "no_such_player", "There is no player " + playerId + ".", "moveTeam");
        } else if (team == null) {
            refuse(hostLink, "no_such_team", "There is no team " + teamId + ".", "moveTeam");
        } else {
            changeTeam(player, team, "host"); // the teacher may go past a cap
        }
    }

    private void changeTeam(Player player, Team team, String by) {
        teams.add(player, team);
        recorder.playerMoved(player.id, team.name);
        ServerMessage.TeamChanged changed = new ServerMessage.TeamChanged(player.id, Teams.info(team, teams.isFull(team)), by);
        sendHost(changed);
        if (player.link != null) {
            player.link.send(changed);
        }
    }

    private void rebalance(String ref) {
        if (teams == null) {
            refuse(hostLink, "not_allowed", "This is not a team game.", ref);
            return;
        }
        if (phase != Phase.LOBBY) {
            wrongPhase(ref);
            return;
        }
        teams.rebalance(new ArrayList<>(roster.all()), random);
        for (Player p : roster.all()) {
            recorder.playerMoved(p.id, p.team.name);
            ServerMessage.TeamChanged changed = new ServerMessage.TeamChanged(p.id,
                    Teams.info(p.team, teams.isFull(p.team)), "host");
            if (p.link != null) {
                p.link.send(changed);
            }
        }
        sendHost(lobby());
    }

    private ServerMessage.Lobby lobby() {
        return new ServerMessage.Lobby(roster.all().stream().map(Room::info).toList(), locked,
                teams == null ? null : teams.infos());
    }

    private void next(String ref) {
        if (paused) {
            refuse(hostLink, "paused", "Resume the game first.", ref);
            return;
        }
        switch (phase) {
            case INTRO -> afterReading();
            case TALK -> openAnswers();
            case REVEAL -> showLeaderboard();
            case LEADERBOARD -> {
                if (run.index + 1 < questions.size()) {
                    beginQuestion(run.index + 1);
                } else {
                    showPodium();
                }
            }
            case PODIUM -> finish();
            default -> wrongPhase(ref);
        }
    }

    /** Leaves the paused state because the phase is moving on anyway; clients learn it from the next phase's message. */
    private void unpauseQuietly() {
        paused = false;
    }

    private void wrongPhase(String ref) {
        refuse(hostLink, "wrong_phase", "'" + ref + "' cannot be used in phase " + phase.wireName() + ".", ref);
    }

    private void setLocked(boolean value) {
        locked = value;
        joinable = !value && phase != Phase.FINISHED && !shuttingDown;
        sendHost(new ServerMessage.Locked(value));
    }

    private void kick(int playerId) {
        Player player = roster.remove(playerId);
        if (player == null) {
            refuse(hostLink, "no_such_player", "There is no player " + playerId + ".", "kick");
            return;
        }
        if (teams != null) {
            teams.remove(player); // their past points stay in the team's past averages
        }
        recorder.playerKicked(playerId);
        if (phase == Phase.ANSWERING && player.answers.containsKey(run.index)) {
            run.answered--; // the count on the projector is of players still in the game
        }
        if (player.link != null) {
            Link link = roster.unbind(player);
            link.send(new ServerMessage.Kicked());
            link.close(CLOSE_KICKED, "removed by the host");
        }
        if (board.ranked()) {
            board.rank(roster.all());
        }
        sendHost(new ServerMessage.PlayerLeft(playerId, "kicked", roster.size()));
        if (phase == Phase.ANSWERING && !paused && everyConnectedPlayerAnswered()) {
            closeQuestion();
        }
    }

    private void pause(String ref) {
        if (!questionOpen()) {
            wrongPhase(ref);
            return;
        }
        if (paused) {
            refuse(hostLink, "paused", "The game is already paused.", ref);
            return;
        }
        long now = env.clock().millis();
        pausedRemainingMs = Math.max(0, phaseEndsAt() - now);
        paused = true;
        cancelTimer();
        pausedAt = now;
        broadcastAll(new ServerMessage.Paused(true, phase.wireName(), run.index, pausedRemainingMs));
    }

    private long pausedAt;

    private void resume(String ref) {
        if (!paused) {
            refuse(hostLink, "not_paused", "The game is not paused.", ref);
            return;
        }
        long now = env.clock().millis();
        paused = false;
        if (phase == Phase.INTRO) {
            run.introEndsAt = now + pausedRemainingMs;
            schedule(TimerFired.Kind.OPEN_ANSWERS, pausedRemainingMs);
        } else if (phase == Phase.TALK) {
            run.talkEndsAt = now + pausedRemainingMs;
            schedule(TimerFired.Kind.OPEN_ANSWERS, pausedRemainingMs);
        } else {
            // Time spent paused does not count towards anyone's response time.
            run.openedAt += now - pausedAt;
            run.deadline = now + pausedRemainingMs;
            schedule(TimerFired.Kind.DEADLINE, pausedRemainingMs);
        }
        broadcastAll(new ServerMessage.Paused(false, phase.wireName(), run.index, pausedRemainingMs));
        if (phase == Phase.ANSWERING && everyConnectedPlayerAnswered()) {
            closeQuestion(); // those still to answer may have left during the pause
        }
    }

    // ------------------------------------------------------------------ the question cycle

    private void beginQuestion(int index) {
        Question q = questions.get(index);
        int seconds = options.timeLimitSeconds() != null ? options.timeLimitSeconds() : q.timeLimitSeconds();
        run = new QuestionRun(index, q, seconds, options.shuffleOptions(), optionShuffle(seed, index));
        long reading = options.readingSeconds() * 1000L;
        run.introEndsAt = env.clock().millis() + reading;
        phase = Phase.INTRO;
        recorder.questionShown(new GameRecorder.PlayedQuestion(index, q.id(), q.type().wireName(), q.prompt(),
                run.displayedTexts(), Codec.json(run.solution()), q.points(), run.timeLimitMs, q.explanation(),
                run.optionExplanations(), q.skill() == null ? null : q.skill().wireName()));
        if (reading > 0) {
            schedule(TimerFired.Kind.OPEN_ANSWERS, reading);
        }
        broadcastPlayers(questionForPlayers(reading, null));
        sendHost(questionForHost(reading));
        if (reading == 0) {
            afterReading();
        }
    }

    /** The reading time is over: team talk if the game has it, else answers open. */
    private void afterReading() {
        long talk = teams == null ? 0 : teams.options().talkSeconds() * 1000L;
        if (talk == 0) {
            openAnswers();
            return;
        }
        phase = Phase.TALK;
        run.talkEndsAt = env.clock().millis() + talk;
        schedule(TimerFired.Kind.OPEN_ANSWERS, talk);
        broadcastAll(new ServerMessage.Talk(run.index, talk));
    }

    private boolean questionOpen() {
        return phase == Phase.INTRO || phase == Phase.TALK || phase == Phase.ANSWERING;
    }

    private long phaseEndsAt() {
        return switch (phase) {
            case INTRO -> run.introEndsAt;
            case TALK -> run.talkEndsAt;
            default -> run.deadline;
        };
    }

    private void openAnswers() {
        long now = env.clock().millis();
        phase = Phase.ANSWERING;
        run.openedAt = now;
        run.deadline = now + run.timeLimitMs;
        schedule(TimerFired.Kind.DEADLINE, run.timeLimitMs);
        broadcastAll(new ServerMessage.Answering(run.index, run.timeLimitMs, run.timeLimitMs));
        sendCount();
    }

    void onTimer(TimerFired fired) {
        if (fired.sequence() != timerSequence || run == null || fired.question() != run.index || paused) {
            return; // stale: the question or phase it was set for has moved on
        }
        if (fired.kind() == TimerFired.Kind.OPEN_ANSWERS && phase == Phase.INTRO) {
            afterReading();
        } else if (fired.kind() == TimerFired.Kind.OPEN_ANSWERS && phase == Phase.TALK) {
            openAnswers();
        } else if (fired.kind() == TimerFired.Kind.DEADLINE && phase == Phase.ANSWERING) {
            closeQuestion();
        }
    }

    private void answer(Player player, ClientMessage.Answer message, long arrivedAt) {
        long started = System.nanoTime();
        int asked = message.question();
        AnswerRecord previous = run == null ? null : player.answers.get(asked);
        if (previous != null) {
            // One answer per question: a resend with the same nonce gets its acknowledgement again.
            if (message.nonce() != null && message.nonce().equals(previous.nonce())) {
                acknowledge(player, asked, previous);
            } else {
                refuseAnswer(player, "already_answered", "You have already answered this question.");
            }
            return;
        }
        if (run == null) {
            refuseAnswer(player, "too_early", "The game has not started yet.");
            return;
        }
        if (asked != run.index) {
            refuseAnswer(player, "wrong_question", "That question is not the current one.");
            return;
        }
        if (phase == Phase.INTRO || phase == Phase.TALK) {
            refuseAnswer(player, "too_early", phase == Phase.TALK ? "Answers open after the team talk."
                    : "Answers open after the reading time.");
            return;
        }
        if (paused) {
            refuseAnswer(player, "paused", "The game is paused.");
            return;
        }
        if (phase != Phase.ANSWERING || arrivedAt > run.deadline) {
            refuseAnswer(player, "late", "Time is up for this question.");
            return;
        }
        AnswerValue value;
        try {
            value = run.toBank(message);
        } catch (QuestionRun.InvalidAnswer e) {
            refuseAnswer(player, "invalid_answer", e.getMessage());
            return;
        }
        long responseMs = Math.max(0, arrivedAt - run.openedAt);
        double credit = Scoring.credit(run.question, value);
        var stored = recorder.answerAccepted(asked, player.id, Codec.json(answerFields(run.question, message)),
                responseMs, credit);
        AnswerRecord record = new AnswerRecord(message, value, responseMs, credit, message.nonce(), stored, 0, 0);
        player.answers.put(asked, record);
        run.answered++;
        acknowledge(player, asked, record);
        env.metrics().answerAccepted(System.nanoTime() - started);
        if (everyConnectedPlayerAnswered()) {
            closeQuestion();
        } else {
            maybeSendCount();
        }
    }

    /**
     * The acknowledgement goes out once the store has the answer (or has said it cannot save it yet), so that
     * {@code saved: true} is a promise that the answer survives a crash.
     */
    private void acknowledge(Player player, int question, AnswerRecord record) {
        if (record.stored().isOnDisk()) {
            player.link.send(new ServerMessage.AnswerAck(question, record.nonce(), true));
            return;
        }
        record.stored().acknowledged().thenAccept(saved -> execute(() -> {
            if (player.link != null) {
                player.link.send(new ServerMessage.AnswerAck(question, record.nonce(), saved));
            }
        }));
    }

    /** The answer as stored: only the field that was scored for this type of question. */
    private static Map<String, Object> answerFields(Question q, ClientMessage.Answer a) {
        return switch (q.type()) {
            case SINGLE, TRUEFALSE, POLL -> Map.of("option", a.option());
            case MULTI -> Map.of("options", a.options());
            case ORDER -> Map.of("order", a.order());
            case NUMERIC -> Map.of("value", a.value());
        };
    }

    private void refuseAnswer(Player player, String code, String text) {
        env.metrics().answerRefused(code);
        refuse(player.link, code, text, "answer");
    }

    private boolean everyConnectedPlayerAnswered() {
        if (run.answered < roster.connected()) {
            return false; // cheap check first: too few answers for everyone connected to have answered
        }
        for (Player p : roster.all()) {
            if (p.link != null && !p.answers.containsKey(run.index)) {
                return false;
            }
        }
        return true;
    }

    private void closeQuestion() {
        cancelTimer();
        phase = Phase.REVEAL;
        Question q = run.question;
        List<AnswerRecord> given = board.scoreQuestion(run, roster.all());
        recorder.questionScored(run.index, board.scores(run.index));
        ServerMessage.Solution solution = run.solution();
        sendHost(new ServerMessage.Reveal(run.index, q.type().wireName(), solution, run.stats(given), q.explanation(),
                run.optionExplanations(), run.answered, roster.size()));
        long started = System.nanoTime();
        int sent = 0;
        for (Player p : roster.all()) {
            if (p.link != null) {
                p.link.send(resultFor(p, solution));
                sent++;
            }
        }
        env.metrics().broadcast(sent, System.nanoTime() - started);
    }

    private void showLeaderboard() {
        phase = Phase.LEADERBOARD;
        sendHost(board.leaderboard(run.index, questions.size(), LEADERBOARD_SIZE));
    }

    private void showPodium() {
        cancelTimer();
        board.rankIfStale(roster.all());
        phase = Phase.PODIUM;
        recorder.gameEnded(true, board.finalScores());
        sendHost(board.podium());
        List<ServerMessage.Standing> top = board.standings(3);
        for (Player p : roster.all()) {
            if (p.link != null) {
                p.link.send(board.finalFor(p, top));
            }
        }
    }

    private void finish() {
        cancelTimer();
        if (phase == Phase.LOBBY) {
            recorder.gameEnded(true, List.of());
        }
        phase = Phase.FINISHED;
        joinable = false;
        broadcastAll(new ServerMessage.Finished());
    }

    // ------------------------------------------------------------------ messages

    private ServerMessage.Question questionForPlayers(long remainingMs, Boolean answered) {
        boolean text = options.showTextOnPhones();
        return new ServerMessage.Question(run.index, questions.size(), run.question.type().wireName(),
                text ? run.question.prompt() : null, text ? run.displayedTexts() : null, run.optionCount(),
                run.question.points(), run.timeLimitMs, phase.wireName(), remainingMs, answered,
                run.question.unit(), paused);
    }

    private ServerMessage.Question questionForHost(long remainingMs) {
        return new ServerMessage.Question(run.index, questions.size(), run.question.type().wireName(),
                run.question.prompt(), run.displayedTexts(), run.optionCount(), run.question.points(),
                run.timeLimitMs, phase.wireName(), remainingMs, null, run.question.unit(), paused);
    }

    private ServerMessage.Result resultFor(Player p, ServerMessage.Solution solution) {
        AnswerRecord record = p.answers.get(run.index);
        Player ahead = board.ahead(p);
        return new ServerMessage.Result(run.index, run.question.type().wireName(), solution, record != null,
                record != null && record.credit() >= 1, record == null ? 0 : record.credit(), p.lastGained,
                record == null ? 0 : record.bonus(), p.streak, p.score, p.rank, board.size(),
                ahead == null ? null : new ServerMessage.Ahead(ahead.name, Math.max(0, ahead.score - p.score)),
                run.question.explanation(), run.explanationOfPick(record), board.teamStanding(p), board.teamCount());
    }

    private static ServerMessage.PlayerInfo info(Player p) {
        return new ServerMessage.PlayerInfo(p.id, p.name, p.connected(), p.team == null ? null : p.team.id);
    }

    private long remainingMs() {
        if (paused) {
            return pausedRemainingMs;
        }
        return Math.max(0, phaseEndsAt() - env.clock().millis());
    }

    private void sendPlayerSnapshot(Player p) {
        p.link.send(new ServerMessage.Joined(pin, p.id, p.name, p.seatToken, bank.title(), phase.wireName(),
                p.team == null ? null : Teams.info(p.team, teams.isFull(p.team))));
        switch (phase) {
            case INTRO, TALK, ANSWERING -> p.link.send(questionForPlayers(remainingMs(), p.answers.containsKey(run.index)));
            case REVEAL, LEADERBOARD -> p.link.send(resultFor(p, run.solution()));
            case PODIUM -> p.link.send(board.finalFor(p, board.standings(3)));
            default -> {
            }
        }
    }

    private void sendHostSnapshot() {
        hostLink.send(new ServerMessage.Hosting(pin, joinUrl, qrUrl,
                new ServerMessage.BankInfo(bank.id(), bank.title(), bank.topic(), questions.size()),
                settings(), phase.wireName(), recorder.gameId()));
        hostLink.send(lobby());
        if (storageFailing || !recorder.healthy()) {
            storageFailing = true;
            hostLink.send(storageMessage());
        }
        switch (phase) {
            case INTRO, TALK, ANSWERING -> {
                hostLink.send(questionForHost(remainingMs()));
                sendCount();
            }
            case REVEAL -> {
                hostLink.send(questionForHost(0)); // the reveal is shown over its question
                hostLink.send(new ServerMessage.Reveal(run.index, run.question.type().wireName(),
                    run.solution(), run.stats(roster.all().stream().map(p -> p.answers.get(run.index))
                    .filter(java.util.Objects::nonNull).toList()), run.question.explanation(),
                    run.optionExplanations(), run.answered, roster.size()));
            }
            case LEADERBOARD -> hostLink.send(board.leaderboard(run.index, questions.size(), LEADERBOARD_SIZE));
            case PODIUM -> hostLink.send(board.podium());
            case FINISHED -> hostLink.send(new ServerMessage.Finished());
            default -> {
            }
        }
    }

    /** The option order of question {@code index} depends only on the game's seed and that index. */
    static Random optionShuffle(long seed, int index) {
        return new Random(seed ^ (0x9E3779B97F4A7C15L * (index + 1)));
    }

    ServerMessage.GameSettings settings() {
        return settingsOf(options);
    }

    /** The settings of a game as clients and the report show them. */
    public static ServerMessage.GameSettings settingsOf(GameOptions options) {
        return new ServerMessage.GameSettings(options.scoring().wireName(), options.streakBonus(),
                options.shuffleQuestions(), options.shuffleOptions(), options.showTextOnPhones(),
                options.timeLimitSeconds(), options.readingSeconds(), options.generatedNames(),
                options.teams() == null ? null : new ServerMessage.TeamSettings(options.teams().names(),
                        options.teams().playersPick(), options.teams().cap(), options.teams().talkSeconds()));
    }

    private void maybeSendCount() {
        long now = env.clock().millis();
        if (now - lastCountSentAt >= COUNT_INTERVAL_MS) {
            sendCount();
        } else if (!countFlushPending) {
            countFlushPending = true;
            int index = run.index;
            env.scheduler().schedule(lastCountSentAt + COUNT_INTERVAL_MS - now, () -> execute(() -> {
                countFlushPending = false;
                if (phase == Phase.ANSWERING && run.index == index) {
                    sendCount();
                }
            }));
        }
    }

    private void sendCount() {
        lastCountSentAt = env.clock().millis();
        if (hostLink != null) {
            hostLink.sendDroppable(new ServerMessage.AnswerCount(run.index, run.answered, roster.size()));
        }
    }

    private void sendHost(ServerMessage message) {
        if (hostLink != null) {
            hostLink.send(message);
        }
    }

    /** Encodes once and writes the same text to every connected player. */
    private void broadcastPlayers(ServerMessage message) {
        long started = System.nanoTime();
        String json = Codec.encode(message);
        int sent = 0;
        for (Player p : roster.all()) {
            if (p.link != null) {
                p.link.sendEncoded(json);
                sent++;
            }
        }
        env.metrics().broadcast(sent, System.nanoTime() - started);
    }

    private void broadcastAll(ServerMessage message) {
        broadcastPlayers(message);
        sendHost(message);
    }

    private static void refuse(Link link, String code, String message, String ref) {
        if (link != null) {
            link.send(new ServerMessage.Error(code, message, ref));
        }
    }

    private void schedule(TimerFired.Kind kind, long delayMs) {
        cancelTimer();
        long sequence = ++timerSequence;
        int question = run.index;
        timer = env.scheduler().schedule(delayMs, () -> execute(() -> onTimer(new TimerFired(question, kind, sequence))));
    }

    private void cancelTimer() {
        timerSequence++;
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }
}
