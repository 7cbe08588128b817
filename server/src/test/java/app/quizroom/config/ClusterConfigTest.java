package app.quizroom.config;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClusterConfigTest {

    @Test
    void withoutMembersTheServerRunsAloneAndStopsAtOnce() {
        ClusterConfig alone = ClusterConfig.fromEnv(Map.of());
        assertFalse(alone.enabled());
        assertEquals(0, alone.drainSeconds());
        assertEquals("(unset: one node, no cluster)", alone.describe().get("QUIZROOM_CLUSTER_MEMBERS"));
    }

    @Test
    void membersTurnClusterModeOnWithItsDefaults() {
        ClusterConfig node = ClusterConfig.fromEnv(Map.of("QUIZROOM_CLUSTER_MEMBERS", " 10.0.0.1:5701, Node-B:5702 ,",
                "QUIZROOM_NODE_NAME", "node-a"));
        assertTrue(node.enabled());
        assertEquals(List.of("10.0.0.1:5701", "node-b:5702"), node.members());
        assertEquals("node-a", node.nodeName());
        assertAddressAndDrain(node, "127.0.0.1", 5701, 0, 300);
    }

    @Test
    void theNodesOwnAddressAndDrainTimeAreRead() {
        ClusterConfig node = ClusterConfig.fromEnv(Map.of("QUIZROOM_CLUSTER_MEMBERS", "a:1", "QUIZROOM_NODE_NAME", "a",
                "QUIZROOM_CLUSTER_HOST", "quizroom-0.quizroom-hz", "QUIZROOM_CLUSTER_PORT", "6000",
                "QUIZROOM_CLUSTER_BUS_PORT", "6001", "QUIZROOM_DRAIN_SECONDS", "0"));
        assertAddressAndDrain(node, "quizroom-0.quizroom-hz", 6000, 6001, 0);
    }

    /** The node's own address (host, member port, event-bus port) and drain time, each checked by name. */
    private static void assertAddressAndDrain(ClusterConfig node, String host, int port, int busPort,
                                              int drainSeconds) {
        assertAll(() -> assertEquals(host, node.host(), "host"),
                () -> assertEquals(port, node.port(), "port"),
                () -> assertEquals(busPort, node.busPort(), "busPort"),
                () -> assertEquals(drainSeconds, node.drainSeconds(), "drainSeconds"));
    }

    @Test
    void badSettingsAreRefusedWithTheirName() {
        assertRefused("QUIZROOM_CLUSTER_MEMBERS", Map.of("QUIZROOM_CLUSTER_MEMBERS", "10.0.0.1"));
        assertRefused("QUIZROOM_CLUSTER_MEMBERS", Map.of("QUIZROOM_CLUSTER_MEMBERS", "10.0.0.1:99999"));
        assertRefused("QUIZROOM_CLUSTER_MEMBERS", Map.of("QUIZROOM_CLUSTER_MEMBERS", ":5701"));
        assertRefused("QUIZROOM_CLUSTER_MEMBERS", Map.of("QUIZROOM_CLUSTER_MEMBERS", "a b:5701"));
        assertRefused("QUIZROOM_NODE_NAME", Map.of("QUIZROOM_NODE_NAME", "node a"));
        assertRefused("QUIZROOM_NODE_NAME", Map.of("QUIZROOM_NODE_NAME", "x".repeat(64)));
        assertRefused("QUIZROOM_CLUSTER_HOST", Map.of("QUIZROOM_CLUSTER_HOST", "a/b"));
        assertRefused("QUIZROOM_CLUSTER_PORT", Map.of("QUIZROOM_CLUSTER_PORT", "0"));
        assertRefused("QUIZROOM_DRAIN_SECONDS", Map.of("QUIZROOM_DRAIN_SECONDS", "-1"));
    }

    private static void assertRefused(String name, Map<String, String> env) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClusterConfig.fromEnv(env));
        assertTrue(e.getMessage().startsWith(name), e.getMessage());
    }
}
