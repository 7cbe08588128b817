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
        accepted = Counter.builder(MetricNames.ANSWERS_ACCEPTED).description("Answers accepted").register(registry);
        handling = Timer.builder(MetricNames.ANSWER_HANDLING).description("Time to check and record an answer")
                .publishPercentiles(0.5, 0.99).register(registry);
        fanout = Timer.builder(MetricNames.BROADCAST_FANOUT)
                .description("Time to hand one broadcast to every recipient's socket")
                .publishPercentiles(0.5, 0.99).register(registry);
        pinFailures = Counter.builder(MetricNames.PIN_FAILURES)
                .description("Misses: PINs no open game has, tokens and join patterns a room found wrong,"
                        + " hellos refused during a scan")
                .register(registry);
        slowDrops = Counter.builder(MetricNames.SLOW_CLIENT_DROPS)
                .description("Replaceable messages not sent to a client that was not keeping up").register(registry);
        slowCloses = Counter.builder(MetricNames.SLOW_CLIENT_CLOSES)
                .description("Sockets closed because the client could not keep up").register(registry);
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
    public void answerRefused(String reason) {
        refused.computeIfAbsent(reason, r -> Counter.builder(MetricNames.ANSWERS_REFUSED)
                .description("Answers refused, by reason").tag(MetricNames.TAG_REASON, r).register(registry)).increment();
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
        protocolErrors.computeIfAbsent(code, c -> Counter.builder(MetricNames.PROTOCOL_ERRORS)
                .description("Client messages refused at the edge, by reason").tag(MetricNames.TAG_REASON, c)
                .register(registry)).increment();
    }

    /** The TCP connections open now, as the connection guard counts them. */
    public void connectionsOpen(AtomicInteger open) {
        registry.gauge(MetricNames.CONNECTIONS_OPEN, open);
    }

    /** A TCP connection closed by the connection guard: over a cap, or no request in time. */
    public void connectionRefused(String reason) {
        connectionsRefused.computeIfAbsent(reason, r -> Counter.builder(MetricNames.CONNECTIONS_REFUSED)
                .description("TCP connections closed by the connection limits, by reason")
                .tag(MetricNames.TAG_REASON, r).register(registry)).increment();
    }

    public int connectedPlayers() {
        return connected.get();
    }
}
