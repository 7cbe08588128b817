package app.quizroom.game;

import app.quizroom.bank.Bank;
import app.quizroom.bank.Question;
import app.quizroom.protocol.ClientMessage;
import app.quizroom.protocol.CloseCode;
import app.quizroom.protocol.Codec;
import app.quizroom.protocol.ServerMessage;
import app.quizroom.support.Clock;
import app.quizroom.support.RateLimiter;
import app.quizroom.support.Scheduler;
import app.quizroom.support.Tokens;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executor;

import static app.quizroom.config.Limits.DEFAULT_JOIN_BURST;
import static app.quizroom.config.Limits.DEFAULT_JOINS_PER_SECOND;

/**
 * One live game, and its one way in. Every method here runs on the room's own executor (a Vert.x context in the
 * server), so the state needs no locks; other threads enter through {@link #execute}. The room hands each message
 * to the part whose job it is, by who sent it: a hello to {@link Admission}, a player's command to
 * {@link PlayerCommands}, the host's to {@link HostCommands}. Those decide and say what to send; the room carries
 * it out, and the {@link Audience} delivers every frame.
 *
 * <p>What a hello decides is carried out by {@link Seating}; the room's seams to cluster mode (snapshot and restore,
 * the watch told when its state moved, its players on other nodes) are in {@link RoomCluster}, behind the public
 * methods here that the server and the cluster call.
 */
public final class Room {

    /** For a PIN that is unknown, finished or locked alike. */
    public static final String NO_SUCH_ROOM =
            "No open game has that PIN. Check the number on the screen; the teacher may also have locked the game.";

    /** Everything a room needs from its surroundings. */
    public record Environment(Executor executor, Clock clock, Scheduler scheduler, RoomMetrics metrics,
                              Limits limits) {

        /** With default join limits and the built-in blocklist (for tests). */
        public Environment(Executor executor, Clock clock, Scheduler scheduler, RoomMetrics metrics, int maxPlayers) {
            this(executor, clock, scheduler, metrics,
                    new Limits(maxPlayers, DEFAULT_JOINS_PER_SECOND, DEFAULT_JOIN_BURST, Blocklist.defaults()));
        }
    }

    /** Per-room limits, from the server's configuration. */
    public record Limits(int maxPlayers, int joinsPerSecond, int joinBurst, Blocklist blocklist) {
    }

    private final String pin;
    private final Bank bank;
    private final Environment env;
    private final Roster roster;
    private final Gate gate;
    private final Audience audience;
    private final PhaseMachine phases;
    private final Admission admission;
    private final PlayerCommands playerCommands;
    private final HostCommands hostCommands;
    private final GuessWatch guesses;
    private final Seating seating;
    private final RoomCluster cluster;
    private long lastActivity;

    public Room(String pin, String hostToken, Bank bank, GameOptions options, Environment env, String joinUrl,
                String qrUrl, GameRecorder recorder) {
        this(pin, hostToken, bank, options, env, joinUrl, qrUrl, recorder, new SecureRandom().nextLong());
    }

    /**
     * @param seed every random choice of the game derives from it, and each question's option order from it and
     *             the question's index alone, so a stored seed replays exactly what each player saw
     */
    public Room(String pin, String hostToken, Bank bank, GameOptions chosen, Environment env, String joinUrl,
                String qrUrl, GameRecorder recorder, long seed) {
        this(pin, new HostKeyHash(Tokens.hash(hostToken)), bank, chosen, env, joinUrl, qrUrl, recorder, seed);
    }

    /** A room keeps only the SHA-256 of its host key (see {@link Tokens#hash}). */
    private record HostKeyHash(String value) {
    }

    private Room(String pin, HostKeyHash hostKey, Bank bank, GameOptions chosen, Environment env, String joinUrl,
                 String qrUrl, GameRecorder recorder, long seed) {
        GameOptions options = chosen.withClassSizeWithin(env.limits().maxPlayers());
        this.pin = pin;
        this.bank = bank;
        this.env = env;
        Random random = new Random(seed);
        List<Question> questions = new ArrayList<>(bank.questions());
        if (options.shuffleQuestions()) {
            Collections.shuffle(questions, random);
        }
        Teams teams = options.teams() == null ? null : new Teams(options.teams());
        roster = new Roster(env.metrics());
        Scoreboard board = new Scoreboard(options, teams);
        gate = new Gate();
        Frames frames = new Frames(pin, bank, questions.size(), options, joinUrl, qrUrl, roster, board, teams, gate);
        audience = new Audience(roster, env, this::answeringQuestion, this::liveCount);
        AnswerDesk answers = new AnswerDesk(roster, recorder::answerAccepted, env.metrics());
        phases = new PhaseMachine(List.copyOf(questions), options, seed, teams, env, recorder, roster, board, answers,
                frames, audience, gate, () -> checkpoint(false));
        JoinPattern pattern = options.twoStepJoin() ? new JoinPattern(env, () -> phases.phase() != Phase.FINISHED,
                frame -> audience.deliver(new Outbox().toHost(frame))) : null;
        guesses = new GuessWatch(env.clock(), audience);
        admission = new Admission(hostKey.value(), options, env.limits(), roster, teams, gate, audience, phases::phase,
                new RateLimiter(env.clock(), env.limits().joinsPerSecond(), env.limits().joinBurst()), random, pattern);
        TeamDesk teamDesk = new TeamDesk(teams, roster, recorder, frames, random);
        playerCommands = new PlayerCommands(roster, answers, teamDesk, phases, audience);
        KickDesk kickDesk = new KickDesk(roster, teams, answers, board, recorder, phases, env.clock());
        hostCommands = new HostCommands(phases, teamDesk, gate, kickDesk, audience);
        SavedRoom.Parts parts = new SavedRoom.Parts(pin, bank.id(), options, seed, hostKey.value(), env.clock(),
                phases, roster, teams, board, gate);
        cluster = new RoomCluster(parts, frames, audience,
                new AnswerDesk(roster, recorder::answerAccepted, RoomMetrics.NONE));
        seating = new Seating(parts, recorder, frames, audience, pattern, guesses);
        lastActivity = env.clock().millis();
    }

    /**
     * A room built again from a saved state and the answers the store kept, {@code elapsedMs} after the state was
     * taken (a room another node ran; docs/cluster.md §7). It goes on from there: a question whose deadline passed
     * meanwhile closes, an open one gets the time it had left; phones come back with their seat tokens and the
     * host with the host key. Build it on the context it will run on.
     *
     * @throws IllegalArgumentException if the bank's questions are not those the saved game was playing
     */
    public static Room restore(RoomSnapshot saved, List<RoomSnapshot.StoredAnswer> answers, long elapsedMs,
                               Bank bank, Environment env, String joinUrl, String qrUrl, GameRecorder recorder) {
        Room room = new Room(saved.pin(), new HostKeyHash(saved.hostTokenHash()), bank, saved.options(), env,
                joinUrl, qrUrl, recorder, saved.seed());
        room.cluster.restore(saved, answers, elapsedMs);
        return room;
    }

    /** The room's state as a new owner would need it (on the room's context). */
    public RoomSnapshot snapshot() {
        return cluster.snapshot();
    }

    /** Who is told when the room's state moves (on the room's context); told once at once. */
    public void watch(RoomWatch watcher) {
        cluster.watch(watcher);
    }

    public String pin() {
        return pin;
    }

    public Bank bank() {
        return bank;
    }

    public Phase phase() {
        return phases.phase();
    }

    /** The settings of a game as clients and the report show them. */
    public static ServerMessage.GameSettings settingsOf(GameOptions options) {
        return Frames.settings(options);
    }

    /** What another node needs to serve this room's players (cluster mode). */
    public RoomPlan plan() {
        return cluster.plan();
    }

    /**
     * From now on the room's players on other nodes are told each move of the game (cluster mode); on the room's
     * context.
     */
    public void relayTo(Remotes remotes) {
        cluster.relayTo(remotes);
    }

    /**
     * An answer another node took from player {@code playerId}, checked and stored there, and timed there:
     * {@code responseMs} from its opening of the question to the answer's arrival.
     */
    public record RemoteAnswer(int playerId, ClientMessage.Answer answer, long responseMs) {
    }

    /**
     * Answers another node took (cluster mode), on the room's context: each is scored exactly as one taken here. The
     * node has acknowledged them to the phones; the question closes if they were the last awaited.
     */
    public void remoteAnswers(List<RemoteAnswer> given) {
        lastActivity = env.clock().millis();
        cluster.remoteAnswers(given);
    }

    /** Runs a task on the room's own context. */
    public void execute(Runnable task) {
        env.executor().execute(task);
    }

    /** Handles one decoded message from a client; {@code arrivedAt} is the server clock at its arrival. */
    public void onMessage(Link link, ClientMessage message, long arrivedAt) {
        lastActivity = env.clock().millis();
        String ref = Codec.typeOf(message);
        if (message instanceof ClientMessage.Hello hello) {
            seating.admit(link, hello, admission.decide(hello, link), ref);
        } else if (message instanceof ClientMessage.PlayerCommand command) {
            audience.deliver(playerCommands.handle(link, command, arrivedAt), link, ref);
        } else if (message instanceof ClientMessage.HostCommand command) {
            audience.deliver(hostCommands.handle(link, command, ref), link, ref);
        }
        // A ping never gets here: the edge answers it.
        checkpoint(message instanceof ClientMessage.HostCommand);
    }

    /** The server is being scanned for PINs: the host is warned (not more often than every few seconds). */
    public void serverScanned() {
        guesses.serverScanned();
    }

    private ServerMessage.AnswerCount liveCount() {
        return cluster.liveCount();
    }

    /** The question whose answers are open, or -1: cheaper than its count, which adds up the other nodes' players. */
    private int answeringQuestion() {
        return phases.phase() == Phase.ANSWERING ? phases.now().run().index : -1;
    }

    private void checkpoint(boolean hostCommand) {
        cluster.checkpoint(hostCommand);
    }

    /** Another node's running count of answers changed (cluster mode): the host's live count is due. */
    public void remoteCountChanged() {
        cluster.remoteCountChanged();
    }

    /** A client's connection closed. */
    public void onClose(Link link) {
        lastActivity = env.clock().millis();
        if (seating.left(link)) {
            checkpoint(false);
        }
    }

    /** True when nobody has been connected for {@code idleMs}; such a room can be swept. */
    public boolean isAbandoned(long now, long idleMs) {
        return audience.host() == null && roster.connected() == 0 && now - lastActivity >= idleMs;
    }

    /** Ends the room for good (sweep or shutdown), telling whoever is still connected. */
    public void close() {
        Outbox out = new Outbox();
        phases.closeRoom(out); // the join pattern, if any, stops changing with it
        gate.finish();
        for (Link link : seating.letGoOfAll()) {
            out.toLink(link, new ServerMessage.Finished()).close(link, CloseCode.ROOM_GONE, "room closed");
        }
        audience.deliver(out);
    }

    /**
     * The room now runs on another node (its epoch moved on): no timer fires again and nothing more is recorded;
     * every connection is closed with {@link CloseCode#ROOM_MOVED}, so that phones and the projector reconnect
     * (and reach the new owner) without losing their seats.
     */
    public void movedAway() {
        cluster.stopWatching();
        phases.abandon();
        gate.finish();
        Outbox out = new Outbox();
        for (Link link : seating.letGoOfAll()) {
            out.close(link, CloseCode.ROOM_MOVED, "the game moved to another server; reconnect");
        }
        audience.deliver(out);
    }

    /**
     * Whether new players may join (safe from any thread). The edge answers a join into a room that may not be
     * joined exactly as a wrong PIN, counted as one, so that scanning cannot tell the two apart.
     */
    public boolean acceptsJoins() {
        return gate.open();
    }

    /** The results store started or stopped failing: the host is told, since results may not be kept. */
    public void storageChanged(boolean saving) {
        seating.storageChanged(saving);
    }

    /** The server is going down: no new joins; everyone is told. */
    public void shutdown(String message) {
        gate.shutDown();
        audience.deliver(new Outbox().toEveryone(new ServerMessage.Shutdown(message)));
    }
}
