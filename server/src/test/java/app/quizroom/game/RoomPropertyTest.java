package app.quizroom.game;

import app.quizroom.bank.Bank;
import app.quizroom.bank.BankLoader;
import app.quizroom.bank.BankProblem;
import app.quizroom.protocol.ClientMessage;
import app.quizroom.protocol.CloseCode;
import app.quizroom.protocol.ServerMessage;
import app.quizroom.scoring.ScoringMode;
import app.quizroom.support.ManualTime;
import app.quizroom.support.Seeds;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Property test of the room: random sequences of joins, leaves, seat takeovers (rejoins), answers (right, wrong,
 * malformed, resent, for the wrong question, over stale connections), host commands (including kicks, one by one
 * and of everyone who joined recently), commands from impostors, host drops and re-attaches, and clock advances, on
 * a room driven by hand (direct executor, {@link ManualTime}, recording links). After every step the invariants
 * hold:
 * <ul>
 *   <li>at most one scored answer per player per question: never two acknowledgements with different nonces for
 *       the same seat and question, a result with points only for an acknowledged answer, and no question closed
 *       twice;</li>
 *   <li>scores never decrease, whoever reports them (result, final, leaderboard, podium);</li>
 *   <li>only the host moves the game on: a player's message or a clock tick changes the phase only along the
 *       timed edges (intro → answering → reveal, or answering → reveal once everyone connected has answered) and
 *       never starts a question;</li>
 *   <li>a kicked player never scores again: its token is refused, nothing more reaches its connections, it is in
 *       no later standing or lobby;</li>
 *   <li>nothing is sent on a connection after the room closed it.</li>
 * </ul>
 * Seeded: a failure prints the seed and the (shrunk) sequence of steps; {@code -Dquizroom.seed=...} replays the
 * run. The room keeps its own randomness (tokens, shuffles), so a replay may take other paths; the invariants do
 * not depend on them.
 */
class RoomPropertyTest {

    private static final String PIN = "424242";
    private static final String HOST_TOKEN = "host-token-for-the-property-test";
    private static final int MAX_PLAYERS = 5;

    static final String BANK = """
            id: property
            title: Every question type
            timeLimit: 8
            questions:
              - id: q-single
                type: single
                prompt: Pick the first.
                options: [First, Second, Third]
                answer: First
              - id: q-multi
                type: multi
                prompt: Pick the first two.
                options: [A, B, C, D]
                answer: [A, B]
              - id: q-tf
                type: truefalse
                prompt: True?
                answer: true
                points: double
              - id: q-order
                type: order
                prompt: Order them.
                items: [One, Two, Three]
              - id: q-numeric
                type: numeric
                prompt: How many?
                answer: 42
                tolerance: 1
              - id: q-poll
                type: poll
                prompt: Which?
                options: [Left, Right]
              - id: q-none
                type: single
                prompt: Worth nothing.
                options: [Yes, No]
                answer: Yes
                points: none
            """;

    private static Bank bank() {
        List<BankProblem> problems = new ArrayList<>();
        Bank bank = BankLoader.parse("property.yaml", BANK, problems);
        assertEquals(List.of(), problems);
        return bank;
    }

    // ------------------------------------------------------------------ steps

    /** One step of a scenario. Seats are referred to by number, modulo the seats taken so far. */
    sealed interface Step {
    }

    record Join(int name) implements Step {
    }

    /** A new connection sends {@code rejoin} with some seat's token (kicked seats included), taking it over. */
    record Rejoin(int seat) implements Step {
    }

    record Leave(int seat) implements Step {
    }

    /**
     * @param stale    send on an older connection of the seat instead of its current one
     * @param question offset from the current question (0 mostly)
     * @param nonce    index into the nonce pool (null included)
     */
    record Answer(int seat, boolean stale, int question, int payload, int nonce) implements Step {
    }

    record Command(int command, int target) implements Step {
    }

    /** A player's connection sends a host command, or {@code host} with a wrong or right token. */
    record Impostor(int seat, int command) implements Step {
    }

    record HostDrops() implements Step {
    }

    record HostAttaches() implements Step {
    }

    record Advance(long ms) implements Step {
    }

    private static final String[] NAMES = {"Ana", "ana", "Ben", "B e n", "Ｃｙ", "Cy", "Dee", "𝐄𝐯𝐚", "Eva", "Fay",
            "Gus", "Hal", "Ida", "", "fuck", "x\u200by", "Jo", "Kai", "Lu", "Mo"};
    private static final String[] NONCES = {null, null, "n1", "n2", "same"};

    static List<Step> scenario(SplittableRandom r, int length) {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            int roll = r.nextInt(100);
            Step step;
            if (roll < 12) {
                step = new Join(r.nextInt(NAMES.length));
            } else if (roll < 18) {
                step = new Rejoin(r.nextInt(50));
            } else if (roll < 24) {
                step = new Leave(r.nextInt(50));
            } else if (roll < 52) {
                step = new Answer(r.nextInt(50), r.nextInt(6) == 0, r.nextInt(8) == 0 ? r.nextInt(5) - 2 : 0,
                        r.nextInt(1000), r.nextInt(NONCES.length));
            } else if (roll < 76) {
                step = new Command(r.nextInt(COMMANDS), r.nextInt(50));
            } else if (roll < 79) {
                step = new Impostor(r.nextInt(50), r.nextInt(COMMANDS + 2));
            } else if (roll < 81) {
                step = new HostDrops();
            } else if (roll < 84) {
                step = new HostAttaches();
            } else {
                long ms = switch (r.nextInt(4)) {
                    case 0 -> r.nextInt(200);
                    case 1 -> 1_000L * r.nextInt(4);
                    case 2 -> 4_000 + r.nextInt(5_000);
                    default -> 1_000L + r.nextInt(20_000);
                };
                step = new Advance(ms);
            }
            steps.add(step);
        }
        // Start early in most scenarios, so that they reach the questions.
        if (r.nextInt(4) != 0) {
            steps.add(Math.min(steps.size(), 3), new Command(0, 0));
            steps.add(0, new Join(r.nextInt(NAMES.length)));
        }
        return steps;
    }

    private static final int COMMANDS = 11;

    private static ClientMessage command(int c, int target) {
        return switch (c) {
            case 0 -> new ClientMessage.Start();
            case 1, 2 -> new ClientMessage.Next();
            case 3 -> new ClientMessage.Skip();
            case 4 -> new ClientMessage.Pause();
            case 5 -> new ClientMessage.Resume();
            case 6 -> new ClientMessage.End();
            case 7 -> new ClientMessage.Lock();
            case 8 -> new ClientMessage.Unlock();
            case 9 -> new ClientMessage.Kick(target % 8 + 1);
            default -> new ClientMessage.KickRecent(target % 60 + 1);
        };
    }

    // ------------------------------------------------------------------ the world the room talks to

    /** A connection that records what it is sent, and refuses to be written to once closed. */
    static final class Conn implements Link {
        private static final Pattern TYPE = Pattern.compile("\"type\":\"(\\w+)\"");
        final String label;
        final List<Object> received = new ArrayList<>();
        Integer closedWith;
        /** How many messages it had when it was closed (by the room or its peer); -1 while open. */
        int closedAt = -1;
        boolean closeDelivered;
        int read;

        Conn(String label) {
            this.label = label;
        }

        @Override
        public void send(ServerMessage message) {
            record(message);
        }

        @Override
        public void sendEncoded(String json) {
            record(json);
        }

        private void record(Object message) {
            received.add(message);
        }

        @Override
        public void close(CloseCode code, String reason) {
            if (closedWith == null) {
                closedWith = (int) code.code();
                closedAt = received.size();
            }
        }

        /** The other end went away: the room is told through {@code onClose}, not by this call. */
        void closeByPeer() {
            if (closedWith == null) {
                closedWith = 1001;
                closedAt = received.size();
            }
            closeDelivered = true;
        }

        List<Object> unread() {
            List<Object> fresh = new ArrayList<>(received.subList(read, received.size()));
            read = received.size();
            return fresh;
        }

        static String typeOf(Object message) {
            if (message instanceof String json) {
                Matcher m = TYPE.matcher(json);
                return m.find() ? m.group(1) : "?";
            }
            return message.getClass().getSimpleName();
        }
    }

    /** What the test knows of a seat. */
    static final class Seat {
        final int id;
        final String token;
        final List<Conn> conns = new ArrayList<>();
        Conn current;
        boolean kicked;
        int bestScore;
        /** Question → nonces acknowledged (null as "∅"). */
        final Map<Integer, Set<String>> acked = new HashMap<>();
        /** Question → points in the result (all results for one question must agree). */
        final Map<Integer, int[]> results = new HashMap<>();

        Seat(int id, String token, Conn conn) {
            this.id = id;
            this.token = token;
            this.current = conn;
            conns.add(conn);
        }
    }

    /** Runs one scenario; returns null if every invariant held, else what broke and at which step. */
    static String run(List<Step> steps, GameOptions options) {
        ManualTime time = new ManualTime();
        Room room = new Room(PIN, HOST_TOKEN, bank(), options,
                new Room.Environment(Runnable::run, time, time, RoomMetrics.NONE,
                        new Room.Limits(MAX_PLAYERS, 1, 4, Blocklist.defaults())),
                "http://x/join/" + PIN, "/qr", GameRecorder.NONE);
        World w = new World(room, time);
        w.attachHost();
        for (int i = 0; i < steps.size(); i++) {
            String broken;
            try {
                broken = w.step(steps.get(i));
            } catch (RuntimeException | AssertionError e) {
                broken = "threw " + e;
            }
            if (broken != null) {
                return "step " + i + " " + steps.get(i) + ": " + broken;
            }
        }
        return null;
    }

    static final class World {
        final Room room;
        final ManualTime time;
        final List<Seat> seats = new ArrayList<>();
        final Map<Conn, Seat> seatOf = new HashMap<>();
        final List<Conn> hostConns = new ArrayList<>();
        /** Connections that hold no seat (refused joins and rejoins). */
        final List<Conn> strays = new ArrayList<>();
        final Set<Integer> kickedIds = new HashSet<>();
        final Map<Integer, Integer> closesOfQuestion = new HashMap<>();
        Conn host;
        int currentQuestion;
        int connCounter;

        World(Room room, ManualTime time) {
            this.room = room;
            this.time = time;
        }

        Conn conn(String role) {
            return new Conn(role + "#" + (++connCounter));
        }

        Conn attachHost() {
            Conn c = conn("host");
            hostConns.add(c);
            room.onMessage(c, new ClientMessage.Host(PIN, HOST_TOKEN), time.millis());
            if (host != null && host.closedWith == null) {
                host.closedAt = host.closedAt < 0 ? host.received.size() : host.closedAt;
            }
            host = c;
            return c;
        }

        Seat seat(int ref) {
            return seats.isEmpty() ? null : seats.get(ref % seats.size());
        }

        String step(Step step) {
            String broken = act(step);
            if (broken == null) {
                broken = deliverCloses();
            }
            return broken;
        }

        /** The transport tells the room about connections the room itself closed (kicked, replaced). */
        private String deliverCloses() {
            for (Conn c : allConns()) {
                if (c.closedWith != null && !c.closeDelivered) {
                    c.closeDelivered = true;
                    Phase before = room.phase();
                    room.onClose(c);
                    if (!allowedWithoutHost(before, room.phase())) {
                        return "the close of " + c.label + " moved the phase " + before + " → " + room.phase();
                    }
                    String broken = checkMessages(false, null);
                    if (broken != null) {
                        return broken;
                    }
                }
            }
            return null;
        }

        private String act(Step step) {
            Phase before = room.phase();
            Conn actor = null;
            boolean hostActed = false;
            boolean clock = false;
            if (step instanceof Join j) {
                actor = conn("player");
                room.onMessage(actor, new ClientMessage.Join(PIN, NAMES[j.name()]), time.millis());
                Object first = actor.received.isEmpty() ? null : actor.received.get(0);
                if (first instanceof ServerMessage.Joined joined) {
                    Seat s = new Seat(joined.playerId(), joined.seatToken(), actor);
                    if (kickedIds.contains(s.id) || seats.stream().anyMatch(o -> o.id == s.id)) {
                        return "seat id " + s.id + " handed out twice";
                    }
                    seats.add(s);
                    seatOf.put(actor, s);
                } else {
                    strays.add(actor);
                }
            } else if (step instanceof Rejoin rj) {
                Seat s = seat(rj.seat());
                if (s == null) {
                    return null;
                }
                actor = conn("player");
                room.onMessage(actor, new ClientMessage.Rejoin(PIN, s.token), time.millis());
                if (s.kicked) {
                    strays.add(actor);
                    if (!(actor.received.size() == 1 && actor.received.get(0) instanceof ServerMessage.Error e
                            && e.code().equals("bad_token"))) {
                        return "a kicked seat's token was not refused: " + types(actor.received);
                    }
                } else if (room.phase() == Phase.FINISHED) {
                    strays.add(actor);
                } else {
                    if (actor.received.isEmpty() || !(actor.received.get(0) instanceof ServerMessage.Joined)) {
                        return "rejoin of a live seat refused: " + types(actor.received);
                    }
                    seatOf.put(actor, s);
                    s.conns.add(actor);
                    Conn old = s.current;
                    s.current = actor;
                    if (old != null && old.closedWith == null) {
                        return "the replaced connection " + old.label + " was not closed";
                    }
                }
            } else if (step instanceof Leave l) {
                Seat s = seat(l.seat());
                if (s == null || s.current == null) {
                    return null;
                }
                actor = s.current;
                actor.closeByPeer();
                room.onClose(actor);
                s.current = null;
            } else if (step instanceof Answer a) {
                Seat s = seat(a.seat());
                if (s == null) {
                    return null;
                }
                // A stale connection stands for a frame still in flight from a socket that was replaced or kicked.
                actor = a.stale() || s.current == null ? s.conns.get(a.payload() % s.conns.size()) : s.current;
                room.onMessage(actor, answer(currentQuestion + a.question(), a.payload(), NONCES[a.nonce()]),
                        time.millis());
            } else if (step instanceof Command c) {
                if (host == null) {
                    return null;
                }
                hostActed = true;
                ClientMessage m = command(c.command(), c.target());
                int already = host.received.size();
                room.onMessage(host, m, time.millis());
                boolean kicked = host.received.subList(already, host.received.size()).stream()
                        .anyMatch(x -> x instanceof ServerMessage.PlayerLeft);
                if (m instanceof ClientMessage.Kick k && kicked) {
                    String broken = afterKick(k.playerId());
                    if (broken != null) {
                        return broken;
                    }
                }
                for (Object x : host.received.subList(already, host.received.size())) {
                    if (x instanceof ServerMessage.PlayersKicked recent) {
                        for (ServerMessage.RemovedPlayer p : recent.players()) {
                            String broken = afterKick(p.id());
                            if (broken != null) {
                                return broken;
                            }
                        }
                    }
                }
            } else if (step instanceof Impostor imp) {
                Seat s = seat(imp.seat());
                if (s == null || s.current == null) {
                    return null;
                }
                actor = s.current;
                ClientMessage m = imp.command() == COMMANDS ? new ClientMessage.Host(PIN, "guessed-token")
                        : imp.command() == COMMANDS + 1 ? new ClientMessage.Host(PIN, HOST_TOKEN)
                        : command(imp.command(), imp.seat());
                int already = actor.received.size();
                room.onMessage(actor, m, time.millis());
                if (actor.received.size() > already && actor.received.get(already) instanceof ServerMessage.Hosting) {
                    return "a seated player's connection became the host";
                }
            } else if (step instanceof HostDrops) {
                if (host == null) {
                    return null;
                }
                host.closeByPeer();
                room.onClose(host);
                host = null;
            } else if (step instanceof HostAttaches) {
                actor = attachHost();
            } else if (step instanceof Advance adv) {
                clock = true;
                time.advance(adv.ms());
            }
            Phase after = room.phase();
            if (!hostActed && !allowedWithoutHost(before, after)) {
                return (clock ? "a clock tick" : "a non-host message") + " moved the phase " + before + " → " + after;
            }
            return checkMessages(hostActed, actor);
        }

        List<Conn> allConns() {
            List<Conn> all = new ArrayList<>(hostConns);
            for (Seat s : seats) {
                all.addAll(s.conns);
            }
            all.addAll(strays);
            return all;
        }

        private static boolean allowedWithoutHost(Phase before, Phase after) {
            return before == after
                    || (before == Phase.INTRO && (after == Phase.ANSWERING || after == Phase.REVEAL))
                    || (before == Phase.ANSWERING && after == Phase.REVEAL);
        }

        private String afterKick(int playerId) {
            for (Seat s : seats) {
                if (s.id == playerId && !s.kicked) {
                    s.kicked = true;
                    kickedIds.add(playerId);
                    if (s.current != null && !Objects.equals(s.current.closedWith, (int) CloseCode.KICKED.code())) {
                        return "kicked player's connection not closed with 4001 but " + s.current.closedWith;
                    }
                    s.current = null;
                }
            }
            return null;
        }

        private ClientMessage.Answer answer(int question, int payload, String nonce) {
            int option = payload % 7 - 1;
            return switch (payload % 5) {
                case 0, 1 -> new ClientMessage.Answer(question, option, null, null, null, nonce);
                case 2 -> new ClientMessage.Answer(question, null, payload % 3 == 0 ? List.of(0, 1) : List.of(option),
                        null, null, nonce);
                case 3 -> new ClientMessage.Answer(question, null, null,
                        payload % 2 == 0 ? List.of(0, 1, 2) : List.of(2, 1, 0), null, nonce);
                default -> new ClientMessage.Answer(question, null, null, null, (double) (40 + payload % 5), nonce);
            };
        }

        /** Reads what every connection was sent during the step and checks it. */
        private String checkMessages(boolean hostActed, Conn actor) {
            for (Conn c : allConns()) {
                List<Object> fresh = c.unread();
                if (c.closedAt >= 0 && c != actor && c.received.size() > c.closedAt) {
                    // Replies to a frame still in flight from a closed socket are harmless (the transport drops
                    // them); anything else sent to a closed connection means the room still thinks it is live.
                    return c.label + " was sent " + Conn.typeOf(c.received.get(c.closedAt)) + " after it was closed ("
                            + c.closedWith + ")";
                }
                if (c == actor && c.closedAt >= 0) {
                    c.closedAt = c.received.size();
                }
                Seat s = seatOf.get(c);
                boolean snapshot = false;
                for (Object m : fresh) {
                    String type = Conn.typeOf(m);
                    if (m instanceof ServerMessage.Joined || m instanceof ServerMessage.Hosting
                            || m instanceof ServerMessage.Lobby) {
                        snapshot = true; // what follows on this connection in this step is a snapshot
                    }
                    if ("Question".equals(type) || "question".equals(type)) {
                        int index = m instanceof ServerMessage.Question q ? q.index() : questionIndex((String) m);
                        if (!hostActed && !(c == actor && snapshot)) {
                            return "question " + index + " reached " + c.label + " though the host did nothing";
                        }
                        if (hostActed && !snapshot) {
                            currentQuestion = index;
                        }
                    }
                    String broken = null;
                    if (m instanceof ServerMessage.AnswerAck ack) {
                        broken = ack(s, c, ack);
                    } else if (m instanceof ServerMessage.Result r) {
                        broken = result(s, c, r);
                    } else if (m instanceof ServerMessage.Final f) {
                        broken = f.you() == null ? null : score(s, f.you().score(), "final");
                    } else if (m instanceof ServerMessage.Leaderboard b) {
                        broken = standings(b.top(), "leaderboard");
                    } else if (m instanceof ServerMessage.Podium p) {
                        broken = standings(p.ranking(), "podium");
                    } else if (m instanceof ServerMessage.Lobby l) {
                        broken = l.players().stream().anyMatch(p -> kickedIds.contains(p.id()))
                                ? "a kicked player is in the lobby list: " + l : null;
                    } else if (m instanceof ServerMessage.Reveal r && !snapshot) {
                        broken = reveal(r);
                    }
                    if (broken != null) {
                        return broken;
                    }
                }
            }
            return null;
        }

        /** What is wrong with a message for one player sent on a connection with no seat, or to a kicked player. */
        private static String unseated(String type, Seat s, Conn c) {
            if (s == null) {
                return type + " on " + c.label + ", which holds no seat";
            }
            return s.kicked ? type + " to kicked player " + s.id : null;
        }

        private String ack(Seat s, Conn c, ServerMessage.AnswerAck ack) {
            String unseated = unseated("answerAck", s, c);
            if (unseated != null) {
                return unseated;
            }
            Set<String> nonces = s.acked.computeIfAbsent(ack.question(), q -> new HashSet<>());
            String nonce = ack.nonce() == null ? "∅" : ack.nonce();
            if (nonce.equals("∅") && nonces.contains("∅")) {
                return "two answers without nonce acknowledged for player " + s.id + ", question " + ack.question();
            }
            nonces.add(nonce);
            if (nonces.size() > 1) {
                return "player " + s.id + " had two answers accepted for question " + ack.question() + ": " + nonces;
            }
            return null;
        }

        private String result(Seat s, Conn c, ServerMessage.Result r) {
            String unseated = unseated("result", s, c);
            if (unseated != null) {
                return unseated;
            }
            boolean acked = s.acked.containsKey(r.index());
            if ((r.answered() || r.points() > 0) && !acked) {
                return "player " + s.id + " scored " + r.points() + " on question " + r.index()
                        + " without an acknowledged answer";
            }
            int[] earlier = s.results.putIfAbsent(r.index(), new int[] {r.points(), r.score()});
            if (earlier != null && (earlier[0] != r.points() || earlier[1] != r.score())) {
                return "player " + s.id + " got two different results for question " + r.index() + ": points "
                        + earlier[0] + "/" + r.points() + ", score " + earlier[1] + "/" + r.score();
            }
            int[] previous = s.results.get(r.index() - 1);
            if (previous != null && r.score() != previous[1] + r.points()) {
                return "player " + s.id + " went from " + previous[1] + " to " + r.score() + " on question "
                        + r.index() + " but gained " + r.points();
            }
            return score(s, r.score(), "result");
        }

        private String score(Seat s, int score, String where) {
            if (s == null) {
                return null;
            }
            if (score < s.bestScore) {
                return "player " + s.id + "'s score fell from " + s.bestScore + " to " + score + " (" + where + ")";
            }
            s.bestScore = score;
            return null;
        }

        private String standings(List<ServerMessage.Standing> list, String where) {
            for (ServerMessage.Standing st : list) {
                if (kickedIds.contains(st.playerId())) {
                    return "kicked player " + st.playerId() + " is in the " + where;
                }
                Seat s = seats.stream().filter(x -> x.id == st.playerId()).findFirst().orElse(null);
                String broken = score(s, st.score(), where);
                if (broken != null) {
                    return broken;
                }
            }
            return null;
        }

        private String reveal(ServerMessage.Reveal r) {
            int closes = closesOfQuestion.merge(r.index(), 1, Integer::sum);
            return closes > 1 ? "question " + r.index() + " was closed " + closes + " times" : null;
        }

        private static int questionIndex(String json) {
            Matcher m = Pattern.compile("\"index\":(\\d+)").matcher(json);
            return m.find() ? Integer.parseInt(m.group(1)) : -1;
        }
    }

    private static String types(List<Object> messages) {
        return messages.stream().map(Conn::typeOf).toList().toString();
    }

    static GameOptions options(SplittableRandom r) {
        return new GameOptions(r.nextBoolean() ? ScoringMode.CLASSIC : ScoringMode.ACCURACY, r.nextBoolean(),
                r.nextInt(4) == 0, r.nextInt(3) == 0, r.nextBoolean(), r.nextInt(3) == 0 ? 5 + r.nextInt(6) : null,
                r.nextInt(4), r.nextInt(8) == 0);
    }

    // ------------------------------------------------------------------ the property

    @Test
    void randomGamesKeepTheRoomInvariants() {
        int cases = Seeds.cases(400);
        int reachedQuestions = Seeds.forEachCase(cases, 0, (seed, master) -> {
            SplittableRandom r = new SplittableRandom(seed);
            GameOptions options = options(r);
            List<Step> steps = scenario(r, 60 + r.nextInt(140));
            String broken = run(steps, options);
            if (broken != null) {
                List<Step> small = shrink(steps, options);
                throw new AssertionError("invariant broken (case seed " + seed + ", run seed " + master + ", "
                        + options + "): " + broken + "\nshrunk to " + small.size() + " steps: " + small
                        + "\nwhich fails with: " + run(small, options));
            }
            return steps.stream().anyMatch(s -> s instanceof Command c && c.command() == 0);
        });
        assertTrue(reachedQuestions > cases / 2, "most scenarios should start the game");
    }

    /** The kick path in particular: a kicked player's answers, rejoins and old connections never score. */
    @Test
    void aKickedPlayerNeverScoresAgain() {
        Seeds.forEachCase(Seeds.cases(200), 0x5DEECE66DL, (seed, master) -> {
            SplittableRandom r = new SplittableRandom(seed);
            GameOptions options = options(r);
            List<Step> steps = new ArrayList<>(List.of(new Join(0), new Join(2), new Join(5), new Command(0, 0)));
            for (int k = 0; k < 80; k++) {
                int roll = r.nextInt(10);
                steps.add(switch (roll) {
                    case 0 -> new Command(9, r.nextInt(3));                            // kick
                    case 1 -> new Rejoin(r.nextInt(3));                                // including kicked seats
                    case 2, 3, 4 -> new Answer(r.nextInt(3), r.nextBoolean(), 0, r.nextInt(1000), r.nextInt(5));
                    case 5 -> new Advance(1_000L + r.nextInt(9_000));
                    default -> new Command(1 + r.nextInt(5), 0);
                });
            }
            String broken = run(steps, options);
            if (broken != null) {
                throw new AssertionError("case seed " + seed + ", run seed " + master + ": " + broken + "\nsteps: "
                        + shrink(steps, options));
            }
            return true;
        });
    }

    /** Drops steps while the scenario still fails, to show a short one. */
    static List<Step> shrink(List<Step> steps, GameOptions options) {
        List<Step> current = new ArrayList<>(steps);
        int budget = 400;
        for (int chunk = Math.max(1, current.size() / 2); chunk >= 1 && budget > 0; chunk /= 2) {
            for (int start = 0; start + chunk <= current.size() && budget > 0; ) {
                List<Step> candidate = new ArrayList<>(current.subList(0, start));
                candidate.addAll(current.subList(start + chunk, current.size()));
                budget--;
                if (run(candidate, options) != null) {
                    current = candidate;
                } else {
                    start += chunk;
                }
            }
        }
        return current;
    }
}
