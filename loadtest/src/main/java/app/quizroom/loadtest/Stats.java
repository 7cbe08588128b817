package app.quizroom.loadtest;

import io.vertx.core.json.JsonObject;

import java.util.Arrays;

/** Order statistics over a set of measurements (nearest-rank percentiles). */
final class Stats {

    private Stats() {
    }

    /** The p-th percentile (0–100) by nearest rank; NaN for no values. */
    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    static double max(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }

    /** p50, p99, max and count of latencies, in ms. */
    static JsonObject latencies(double[] ms) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        return new JsonObject()
                .put("count", sorted.length)
                .put("p50", round(percentile(sorted, 50)))
                .put("p99", round(percentile(sorted, 99)))
                .put("max", round(sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1]));
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** Three decimals; NaN becomes null in JSON. */
    static Double round(double v) {
        return Double.isNaN(v) ? null : Math.round(v * 1000) / 1000.0;
    }
}
