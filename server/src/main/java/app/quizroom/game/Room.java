package app.quizroom.game;

import app.quizroom.bank.Bank;
import app.quizroom.bank.Question;
import app.quizroom.protocol.ClientMessage;
import app.quizroom.protocol.CloseCode;
import app.quizroom.protocol.Codec;
import app.quizroom.protocol.ErrorCode;
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
 * <p>Over 300 lines: the wiring of the collaborators and the carrying out of admission's outcomes (seat, reseat,
 * attach the host), which change the roster, the teams, the audience and the recorder together and so belong to the
 * one class that owns them all; and, since cluster mode (about 150 lines), the room's cluster seams: its snapshot
 * and restore, the watch told when its state moved, and the answers other nodes took. Those seams are the part to
 * move to a collaborator of their own when the room next grows.
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
    private final GameRecorder recorder;
    /** Null in an individual game. */
    private final Teams teams;
    private final Roster roster;
    private final Scoreboard board;
    private final Gate gate;
    private final Frames frames;
    private final Audience audience;
    private final PhaseMachine phases;
    private final Admission admission;
    private final PlayerCommands playerCommands;
    private final HostCommands hostCommands;
    /** Null unless the game has two-step join. */
    private final JoinPattern pattern;
    private final GuessWatch guesses;
    /** What a saved state needs besides the parts above: options as settled, seed, host key's hash. */
    private final SavedRoom.Parts parts;
    /** Takes the answers other nodes took (cluster mode); counted where they were taken, not here. */
    private final AnswerDesk remoteDesk;
    private boolean storageFailing;
    private long lastActivity;
    private RoomWatch watch = RoomWatch.NONE;
    /** The phase, question, pause, lock and finals when the watch was last told; and the seats and teams. */
    private List<Object> phaseMark = List.of();
    private int seatsMark;

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
        this.recorder = recorder;
        Random random = new Random(seed);
        List<Question> questions = new ArrayList<>(bank.questions());
        if (options.shuffleQuestions()) {
            Collections.shuffle(questions, random);
        }
        teams = options.teams() == null ? null : new Teams(options.teams());
        roster = new Roster(env.metrics());
        board = new Scoreboard(options, teams);
        gate = new Gate();
        frames = new Frames(pin, bank, questions.size(), options, joinUrl, qrUrl, roster, board, teams, gate);
        audience = new Audience(roster, env, this::liveCount);
        AnswerDesk answers = new AnswerDesk(roster, recorder::answerAccepted, env.metrics());
        remoteDesk = new AnswerDesk(roster, recorder::answerAccepted, RoomMetrics.NONE);
        phases = new PhaseMachine(List.copyOf(questions), options, seed, teams, env, recorder, roster, board, answers,
                frames, audience, gate, () -> checkpoint(false));
        pattern = options.twoStepJoin() ? new JoinPattern(env, () -> phases.phase() != Phase.FINISHED,
                frame -> audience.deliver(new Outbox().toHost(frame))) : null;
        guesses = new GuessWatch(env.clock(), audience);
        admission = new Admission(hostKey.value(), options, env.limits(), roster, teams, gate, audience, phases::phase,
                new RateLimiter(env.clock(), env.limits().joinsPerSecond(), env.limits().joinBurst()), random, pattern);
        TeamDesk teamDesk = new TeamDesk(teams, roster, recorder, frames, random);
        playerCommands = new PlayerCommands(answers, teamDesk, phases, audience);
        KickDesk kickDesk = new KickDesk(roster, teams, answers, board, recorder, phases, env.clock());
        hostCommands = new HostCommands(phases, teamDesk, gate, kickDesk);
        parts = new SavedRoom.Parts(pin, bank.id(), options, seed, hostKey.value(), env.clock(), phases, roster, teams,
                board, gate);
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
        SavedRoom.restore(room.parts, saved, answers, elapsedMs, new Outbox());
        room.phaseMark = room.phaseMark();
        room.seatsMark = room.seatsMark();
        return room;
    }

    /** The room's state as a new owner would need it (on the room's context). */
    public RoomSnapshot snapshot() {
        return SavedRoom.take(parts);
    }

    /** Who is told when the room's state moves (on the room's context); told once at once. */
    public void watch(RoomWatch watcher) {
        watch = watcher;
        phaseMark = phaseMark();
        seatsMark = seatsMark();
        watcher.changed(true);
    }

    /** After each message and timer: tells the watch if the state moved. */
    private void checkpoint(boolean hostCommand) {
        if (watch == RoomWatch.NONE) {
            return; // nobody saves this room (alone, or SQLite): no marks to build after every answer
        }
        List<Object> phaseNow = phaseMark();
        int seatsNow = seatsMark();
        if (!phaseNow.equals(phaseMark)) {
            phaseMark = phaseNow;
            seatsMark = seatsNow;
            watch.changed(true);
        } else if (seatsNow != seatsMark || hostCommand) {
            seatsMark = seatsNow;
            watch.changed(false);
        }
    }

    private List<Object> phaseMark() {
        Moment at = phases.now();
        return List.of(at.phase(), at.run() == null ? -1 : at.run().index, at.paused(), at.finalsOut(),
                gate.locked());
    }

    private int seatsMark() {
        return roster.size() * 31 + roster.kicked().size();
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
        return phases.plan();
    }

    /**
     * From now on the room's players on other nodes are told each move of the game (cluster mode); on the room's
     * context.
     */
    public void relayTo(Remotes remotes) {
        phases.relayTo(remotes);
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
        Outbox out = new Outbox();
        boolean any = false;
        for (RemoteAnswer remote : given) {
            Player player = roster.byId(remote.playerId());
            if (player != null && remoteDesk.takeRemote(player, remote.answer(), remote.responseMs(), phases.now())
                    instanceof AnswerDesk.Accepted) {
                any = true;
            }
        }
        if (!phases.closeIfAllAnswered(out) && any) {
            out.countChanged();
        }
        audience.deliver(out);
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
            Admission.Outcome outcome = admission.decide(hello, link);
            if (outcome instanceof Admission.Returning returning && hello instanceof ClientMessage.Rejoin rejoin) {
                roster.learnToken(returning.player(), rejoin.seatToken());
            }
            admit(link, outcome, ref);
        } else if (message instanceof ClientMessage.PlayerCommand command) {
            audience.deliver(fromPlayer(link, command, arrivedAt), link, ref);
        } else if (message instanceof ClientMessage.HostCommand command) {
            audience.deliver(fromHost(link, command, ref), link, ref);
        }
        // A ping never gets here: the edge answers it.
        checkpoint(message instanceof ClientMessage.HostCommand);
    }

    private Reply fromPlayer(Link link, ClientMessage.PlayerCommand command, long arrivedAt) {
        Player player = roster.byLink(link);
        if (player != null) {
            return playerCommands.handle(command, new PlayerCommands.From(player, arrivedAt));
        }
        if (command instanceof ClientMessage.Answer && audience.isHost(link)) {
            return new Refusal(ErrorCode.NOT_ALLOWED, "The host does not answer questions.");
        }
        return new Refusal(ErrorCode.NOT_JOINED, "Join the game first.");
    }

    private Reply fromHost(Link link, ClientMessage.HostCommand command, String ref) {
        if (!audience.isHost(link)) {
            return new Refusal(ErrorCode.NOT_ALLOWED, "Only the host can do that.");
        }
        if (phases.phase() == Phase.FINISHED) {
            return new Refusal(ErrorCode.WRONG_PHASE, "The game is over.");
        }
        return hostCommands.handle(command, ref);
    }

    /** Carries out what admission decided about a hello. */
    private void admit(Link link, Admission.Outcome outcome, String ref) {
        if (outcome instanceof Refusal refusal) {
            audience.deliver(refusal, link, ref);
            return;
        }
        if (outcome instanceof Admission.Declined declined) {
            audience.deliver(declined.reply(), link, ref);
            link.joinRefused();
            return;
        }
        if (outcome instanceof Admission.WrongGuess guess) {
            audience.deliver(guess.reply(), link, ref);
            link.wrongGuess();
            guesses.guessed();
            return;
        }
        Outbox out = new Outbox();
        if (outcome instanceof Admission.NewPlayer newPlayer) {
            seat(link, newPlayer, out);
        } else if (outcome instanceof Admission.Returning returning) {
            reseat(link, returning.player(), out);
        } else if (outcome instanceof Admission.NewHost) {
            attachHost(link, out);
        } else if (outcome instanceof Admission.MustChooseTeam choose) {
            // No seat yet, so the join timeout still runs; and the sender, not the room, pays for the offer.
            link.joinRefused();
            out.toLink(link, new ServerMessage.ChooseTeam(choose.teams()));
        } else if (outcome instanceof Admission.GameOver) {
            out.toLink(link, new ServerMessage.Finished());
        }
        audience.deliver(out);
    }

    private void seat(Link link, Admission.NewPlayer newPlayer, Outbox out) {
        Player player = roster.seat(newPlayer.name(), newPlayer.device(), env.clock().millis());
        Team team = newPlayer.team();
        if (team != null) {
            teams.add(player, team);
        }
        if (phases.phase().compareTo(Phase.REVEAL) >= 0) {
            board.rank(roster.all()); // a late joiner gets a place in the standings shown from now on
        }
        roster.bind(player, link);
        recorder.playerJoined(player.id, player.name, team == null ? null : team.name);
        out.toHost(new ServerMessage.PlayerJoined(Frames.info(player), roster.size()))
                .toLink(link, frames.playerSnapshot(player, phases.now()));
    }

    private void reseat(Link link, Player player, Outbox out) {
        boolean wasConnected = player.link != null;
        if (wasConnected && player.link != link) {
            Link old = roster.unbind(player);
            out.close(old, CloseCode.REPLACED, "seat taken over by a newer connection");
        }
        roster.bind(player, link);
        if (!wasConnected) {
            out.toHost(new ServerMessage.PlayerConnection(player.id, true));
        }
        out.toLink(link, frames.playerSnapshot(player, phases.now()));
    }

    private void attachHost(Link link, Outbox out) {
        Link previous = audience.host();
        if (previous != null && previous != link) {
            out.close(previous, CloseCode.REPLACED, "host taken over by a newer connection");
        }
        audience.attachHost(link);
        link.seated();
        storageFailing |= !recorder.healthy();
        out.toHost(frames.hostSnapshot(phases.now(), storageFailing, recorder.gameId()));
        if (pattern != null && phases.phase() != Phase.FINISHED) {
            out.toHost(pattern.frame());
        }
    }

    /** The server is being scanned for PINs: the host is warned (not more often than every few seconds). */
    public void serverScanned() {
        guesses.serverScanned();
    }

    /** The running count of answers while they are open, else null (for the audience's coalesced sends). */
    private ServerMessage.AnswerCount liveCount() {
        Moment at = phases.now();
        if (at.phase() != Phase.ANSWERING) {
            return null;
        }
        ServerMessage.AnswerCount count = frames.count(at.run());
        int elsewhere = phases.counted(at.run().index);
        return elsewhere == 0 ? count
                : new ServerMessage.AnswerCount(count.index(), count.answered() + elsewhere, count.total());
    }

    /** Another node's running count of answers changed (cluster mode): the host's live count is due. */
    public void remoteCountChanged() {
        if (phases.phase() == Phase.ANSWERING) {
            audience.deliver(new Outbox().countChanged());
        }
    }

    /** A client's connection closed. */
    public void onClose(Link link) {
        lastActivity = env.clock().millis();
        if (audience.isHost(link)) {
            audience.detachHost();
            return;
        }
        Player player = roster.byLink(link);
        if (player != null && player.link == link) {
            roster.unbind(player);
            Outbox out = new Outbox().toHost(new ServerMessage.PlayerConnection(player.id, false));
            phases.closeIfAllAnswered(out);
            audience.deliver(out);
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
        List<Link> links = roster.links();
        roster.unbindAll();
        if (audience.host() != null) {
            links.add(audience.host());
        }
        for (Link link : links) {
            out.toLink(link, new ServerMessage.Finished()).close(link, CloseCode.ROOM_GONE, "room closed");
        }
        audience.detachHost();
        audience.deliver(out);
    }

    /**
     * The room now runs on another node (its epoch moved on): no timer fires again and nothing more is recorded;
     * every connection is closed with {@link CloseCode#ROOM_MOVED}, so that phones and the projector reconnect
     * (and reach the new owner) without losing their seats.
     */
    public void movedAway() {
        watch = RoomWatch.NONE;
        phases.abandon();
        gate.finish();
        Outbox out = new Outbox();
        List<Link> links = roster.links();
        roster.unbindAll();
        if (audience.host() != null) {
            links.add(audience.host());
        }
        for (Link link : links) {
            out.close(link, CloseCode.ROOM_MOVED, "the game moved to another server; reconnect");
        }
        audience.detachHost();
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
        storageFailing = !saving;
        audience.deliver(new Outbox().toHost(Frames.storage(saving)));
    }

    /** The server is going down: no new joins; everyone is told. */
    public void shutdown(String message) {
        gate.shutDown();
        audience.deliver(new Outbox().toEveryone(new ServerMessage.Shutdown(message)));
    }
}
