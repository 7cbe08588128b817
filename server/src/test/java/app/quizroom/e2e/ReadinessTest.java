package app.quizroom.e2e;

import app.quizroom.support.TestServer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One node, no cluster: {@code /ready} says ready, and the metrics carry no node tag (nothing changed). */
class ReadinessTest {

    private TestServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aSingleNodeIsReadyAndItsMetricsAreUntagged() {
        server = TestServer.start();
        TestServer.Response response = server.request(HttpMethod.GET, "/ready", null);
        assertEquals(200, response.status());
        JsonObject ready = new JsonObject(response.body());
        assertEquals(new JsonObject().put("ready", true).put("node", "local").put("cluster", false).put("members", 1)
                .put("joined", true).put("database", true).put("draining", false), ready);
        String metrics = server.metrics();
        assertTrue(metrics.contains("quizroom_players_connected "), metrics);
        assertFalse(metrics.contains("node=\""), "no node tag without a cluster");
        assertFalse(metrics.contains("quizroom_cluster_"), "no cluster metrics without a cluster");
    }
}
