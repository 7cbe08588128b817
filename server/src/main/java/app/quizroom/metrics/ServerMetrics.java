package app.quizroom.metrics;

import app.quizroom.game.RoomMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** The game's metrics over Micrometer; shared by all rooms (Micrometer meters are thread-safe). */
public final class ServerMetrics implements RoomMetrics {

    private final MeterRegistry registry;
    private final AtomicInteger connected = new AtomicInteger();
    private final Counter accepted;
    private final Timer handling;
    private final Timer acknowledged;
    private final Timer fanout;
    private final Counter pinFailures;
    private final Counter slowDrops;
    private final Counter slowCloses;
    private final Map<String, Counter> refused = new ConcurrentHashMap<>();
    private final Map<String, Counter> protocolErrors = new ConcurrentHashMap<>();
    private final Map<String, Counter> connectionsRefused = new ConcurrentHashMap<>();

    public ServerMetrics(MeterRegistry registry, Supplier<Number> liveRooms) {
        this.registry = registry;
        // Gauge.builder with a supplier holds it strongly; registry.gauge(name, obj, fn) holds obj weakly, and a
        // method reference nobody else keeps is collected, after which the gauge reads NaN.
        Gauge.builder(MetricNames.ROOMS_LIVE, liveRooms).register(registry);
        registry.gauge(MetricNames.PLAYERS_CONNECTED, connected);
        accepted = Meters.counter(registry, MetricNames.ANSWERS_ACCEPTED, "Answers accepted");
        handling = Timer.builder(MetricNames.ANSWER_HANDLING).description("Time to check and record an answer")
                .publishPercentiles(0.5, 0.99).register(registry);
        acknowledged = Timer.builder(MetricNames.ANSWER_ACKNOWLEDGED)
                .description("Time from an answer's arrival to its acknowledgement, sent once the answer is on disk")
                .publishPercentiles(0.5, 0.99).register(registry);
        fanout = Timer.builder(MetricNames.BROADCAST_FANOUT)
                .description("Time to hand one broadcast to every recipient's socket")
                .publishPercentiles(0.5, 0.99).register(registry);
        pinFailures = Meters.counter(registry, MetricNames.PIN_FAILURES, "Misses: PINs no open game has, tokens"
                + " and join patterns a room found wrong, hellos refused during a scan");
        slowDrops = Meters.counter(registry, MetricNames.SLOW_CLIENT_DROPS,
                "Replaceable messages not sent to a client that was not keeping up");
        slowCloses = Meters.counter(registry, MetricNames.SLOW_CLIENT_CLOSES,
                "Sockets closed because the client could not keep up");
    }

    public void pinFailure() {
        pinFailures.increment();
    }

    public void droppedForSlowClient() {
        slowDrops.increment();
    }

    public void slowClientClosed() {
        slowCloses.increment();
    }

    @Override
    public void answerAccepted(long handlingNanos) {
        accepted.increment();
        handling.record(handlingNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void answerAcknowledged(long sinceArrivalMs) {
        acknowledged.record(sinceArrivalMs, TimeUnit.MILLISECONDS);
    }

    @Override
    public void answerRefused(String reason) {
        Meters.countByReason(refused, registry, MetricNames.ANSWERS_REFUSED, "Answers refused, by reason", reason);
    }

    @Override
    public void broadcast(int recipients, long nanos) {
        fanout.record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void playerConnected() {
        connected.incrementAndGet();
    }

    @Override
    public void playerDisconnected() {
        connected.decrementAndGet();
    }

    /** A message refused at the edge (bad JSON, unknown type, too large, ...). */
    public void protocolError(String code) {
        Meters.countByReason(protocolErrors, registry, MetricNames.PROTOCOL_ERRORS,
                "Client messages refused at the edge, by reason", code);
    }

    /** The TCP connections open now, as the connection guard counts them. */
    public void connectionsOpen(AtomicInteger open) {
        registry.gauge(MetricNames.CONNECTIONS_OPEN, open);
    }

    /** A TCP connection closed by the connection guard: over a cap, or no request in time. */
    public void connectionRefused(String reason) {
        Meters.countByReason(connectionsRefused, registry, MetricNames.CONNECTIONS_REFUSED,
                "TCP connections closed by the connection limits, by reason", reason);
    }

    public int connectedPlayers() {
        return connected.get();
    }
}
