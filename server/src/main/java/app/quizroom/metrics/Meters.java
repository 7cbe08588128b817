package app.quizroom.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Map;

/** How our counters are registered: a name from {@link MetricNames} and a description, once per registry. */
final class Meters {

    private Meters() {
    }

    static Counter counter(MeterRegistry registry, String name, String description) {
        return Counter.builder(name).description(description).register(registry);
    }

    /**
     * Counts one under {@code reason} ({@link MetricNames#TAG_REASON}), registering that reason's counter the first
     * time it is seen; {@code byReason} keeps them.
     */
    static void countByReason(Map<String, Counter> byReason, MeterRegistry registry, String name, String description,
                              String reason) {
        byReason.computeIfAbsent(reason, r -> Counter.builder(name).description(description)
                .tag(MetricNames.TAG_REASON, r).register(registry)).increment();
    }
}
