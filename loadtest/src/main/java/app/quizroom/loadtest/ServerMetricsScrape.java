package app.quizroom.loadtest;

import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A few lines of the server's {@code GET /metrics} (Prometheus text) that explain a run: sockets closed or
 * messages dropped for slow clients, the server's own time to hand a broadcast to every socket, and its own time
 * from an answer's arrival to its acknowledgement (answer on disk, ack handed to the socket's loop).
 */
final class ServerMetricsScrape {

    private static final String[] WANTED = {
            "quizroom_slow_closed_total", "quizroom_slow_dropped_total",
            "quizroom_broadcast_fanout_seconds_max", "quizroom_broadcast_fanout_seconds{quantile=\"0.99\"",
            "quizroom_answer_handling_seconds_max", "quizroom_answers_accepted_total",
            "quizroom_answer_acknowledged_seconds{quantile=\"0.5\"", "quizroom_answer_acknowledged_seconds{quantile=\"0.99\"",
            "quizroom_answer_acknowledged_seconds_max"};

    private ServerMetricsScrape() {
    }

    /** The wanted series as name → value; empty if the server does not answer. */
    static JsonObject read(String host, int port) {
        JsonObject found = new JsonObject();
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String uriHost = host.contains(":") ? "[" + host + "]" : host;
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                            URI.create("http://" + uriHost + ":" + port + "/metrics")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            for (String line : response.body().split("\n")) {
                for (String wanted : WANTED) {
                    if (line.startsWith(wanted)) {
                        int space = line.lastIndexOf(' ');
                        found.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
                    }
                }
            }
        } catch (Exception e) {
            found.put("error", e.toString());
        }
        return found;
    }
}
