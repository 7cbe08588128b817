package app.quizroom.loadtest;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bare baselines measure what they say, over real sockets: every client gets each broadcast and each ack. */
class BareProbeTest {

    @Test
    void everyClientGetsEachBroadcastAndAnAcknowledgementForEachBurstAnswer() throws Exception {
        BareServer server = new BareServer();
        int port = ServerProcess.freePort();
        server.start(port).await(30, TimeUnit.SECONDS);
        Vertx vertx = GameRun.clientVertx();
        try {
            BareProbe probe = new BareProbe(GameRun.playerClient(vertx), "127.0.0.1", port, 10_000);
            BareProbe.Result result = probe.run(40, 300, 2, 40, false);
            assertEquals(java.util.List.of(), result.problems());
            assertEquals(40, result.clients());
            for (int r = 0; r < 2; r++) {
                assertTrue(result.fanoutMs()[r] > 0 && result.floorMs()[r] > 0, "fan-out measured");
                assertTrue(result.burstAckP50Ms()[r] > 0, "burst measured");
                assertTrue(result.burstAckP99Ms()[r] >= result.burstAckP50Ms()[r], "p99 at or above p50");
            }
        } finally {
            vertx.close().await(20, TimeUnit.SECONDS);
            server.stop().await(20, TimeUnit.SECONDS);
        }
    }
}
