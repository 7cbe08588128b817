package app.quizroom.game;

import app.quizroom.protocol.Codec;
import app.quizroom.protocol.ServerMessage;
import app.quizroom.support.HandOver;

import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * Who is listening and how frames reach them: the host's connection, every connected player (through the roster),
 * a broadcast encoded once for all, and the host's running answer count, sent at most every
 * {@value #COUNT_INTERVAL_MS} ms. Every {@link Reply} of the room is delivered here, in one place. Owned by the
 * room and used on its context only, but for {@link #acknowledge} and {@link #acknowledged}.
 */
final class Audience {

    /** The host's answer count is sent at most this often. */
    static final long COUNT_INTERVAL_MS = 200;

    private final Roster roster;
    private final Room.Environment env;
    /** The question whose answers are open, or -1 when none are. */
    private final IntSupplier answering;
    /** The count of the question whose answers are open, or null when none are (built only to be sent). */
    private final Supplier<ServerMessage.AnswerCount> liveCount;
    private Link host;
    /** The host's count, sent at most every {@value #COUNT_INTERVAL_MS} ms. */
    private final CountPacer countPacer;
    /** Outboxes handed over from other threads to the room's context; see {@link #deliverOnContext}. */
    private final HandOver handOver;

    Audience(Roster roster, Room.Environment env, IntSupplier answering,
             Supplier<ServerMessage.AnswerCount> liveCount) {
        this.roster = roster;
        this.env = env;
        this.handOver = new HandOver(env.executor());
        this.answering = answering;
        this.liveCount = liveCount;
        this.countPacer = new CountPacer(env.clock(),
                (delayMs, task) -> env.scheduler().schedule(delayMs, () -> env.executor().execute(task)),
                COUNT_INTERVAL_MS, this::sendCurrentCount);
    }

    Link host() {
        return host;
    }

    boolean isHost(Link link) {
        return link != null && link == host;
    }

    void attachHost(Link link) {
        host = link;
    }

    void detachHost() {
        host = null;
    }

    /** Carries out a handler's reply: a refusal goes back to the sender, naming the refused message. */
    void deliver(Reply reply, Link sender, String ref) {
        if (reply instanceof Refusal refusal) {
            if (sender != null) {
                sender.send(new ServerMessage.Error(refusal.code(), refusal.message(), ref));
            }
        } else {
            deliver((Outbox) reply);
        }
    }

    void deliver(Outbox outbox) {
        outbox.deliveries().forEach(d -> d.deliverTo(this));
    }

    /**
     * From any thread: builds an outbox on the room's context, and delivers it there, in the order handed over.
     * The store completes a whole batch of answers at once; their acknowledgements then take one task on the
     * room's context, not one each.
     */
    void deliverOnContext(Supplier<Outbox> outbox) {
        handOver.execute(() -> deliver(outbox.get()));
    }

    /**
     * From any thread (the store's, as the answer's batch commits): sends a player an answer's acknowledgement on
     * the link that holds the seat now (a reconnected phone gets it on its new socket). A link that may be sent to
     * from any thread gets it at once, so that the acknowledgements of 1,000 answers committed together do not wait
     * behind the room's work; any other goes through the room's context.
     */
    void acknowledge(Player player, ServerMessage.AnswerAck ack, long arrivedAt) {
        Link link = player.link;
        if (link != null && link.sendsFromAnyThread()) {
            link.send(ack);
        } else {
            deliverOnContext(() -> new Outbox().toLink(player.link, ack));
        }
        acknowledged(arrivedAt);
    }

    /** An answer that came in at {@code arrivedAt} (room clock) was acknowledged; from any thread. */
    void acknowledged(long arrivedAt) {
        env.metrics().answerAcknowledged(env.clock().millis() - arrivedAt);
    }

    /** To the host, if one is attached. An answer count always goes as a count: droppable, restarting the interval. */
    void sendHost(ServerMessage message) {
        if (message instanceof ServerMessage.AnswerCount count) {
            sendCount(count);
        } else if (host != null) {
            host.send(message);
        }
    }

    /** Encodes once and writes the same bytes to every connected player. */
    void broadcast(ServerMessage message) {
        long started = System.nanoTime();
        SharedFrame frame = new SharedFrame(Codec.encode(message));
        int sent = 0;
        for (Player p : roster.all()) {
            if (p.link != null) {
                p.link.sendShared(frame);
                sent++;
            }
        }
        env.metrics().broadcast(sent, System.nanoTime() - started);
    }

    /** Sends every connected player a frame of their own. */
    void fanOut(Function<Player, ServerMessage> message) {
        long started = System.nanoTime();
        int sent = 0;
        for (Player p : roster.all()) {
            if (p.link != null) {
                p.link.send(message.apply(p));
                sent++;
            }
        }
        env.metrics().broadcast(sent, System.nanoTime() - started);
    }

    /**
     * An answer came in: the host's count is sent now if the last one is old enough, else once, when it is
     * ({@link CountPacer}); a delayed one is dropped if answers to its question have closed meanwhile.
     */
    void countChanged() {
        int question = answering.getAsInt();
        if (question >= 0) {
            countPacer.changed(question);
        }
    }

    /** The live count of {@code question} to the host, if answers to it are still open. */
    private boolean sendCurrentCount(int question) {
        ServerMessage.AnswerCount current = liveCount.get();
        if (current == null || current.index() != question) {
            return false;
        }
        sendCount(current);
        return true;
    }

    private void sendCount(ServerMessage.AnswerCount count) {
        countPacer.sent();
        if (host != null) {
            host.sendDroppable(count);
        }
    }
}
