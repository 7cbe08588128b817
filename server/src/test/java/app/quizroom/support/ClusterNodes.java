package app.quizroom.support;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A cluster of real server JVMs on 127.0.0.1, each a {@link ServerProcess} with a Hazelcast member on a free port
 * and the others in its QUIZROOM_CLUSTER_MEMBERS; started together, returned once every node sees them all. Each
 * node costs a JVM of about 300 MB and 5 to 20 s of start-up on two busy cores.
 */
public final class ClusterNodes implements AutoCloseable {

    /**
     * What Hazelcast asks for on Java 17. The jar's manifest grants it to {@code java -jar}; a {@code -cp} launch
     * needs the flags.
     */
    public static final List<String> HAZELCAST_FLAGS = List.of(
            "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang=ALL-UNNAMED",
            "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens", "java.management/sun.management=ALL-UNNAMED",
            "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED");
    private static final Duration FORMED = Duration.ofSeconds(90);

    private final List<ServerProcess> nodes;

    private ClusterNodes(List<ServerProcess> nodes) {
        this.nodes = nodes;
    }

    /**
     * @param env       settings for every node (QUIZROOM_DRAIN_SECONDS is 0 unless given, so closing is quick);
     *                  each node is named {@code node-0}, {@code node-1}, ... (a one-node cluster may be named in
     *                  {@code env})
     * @param mainClass the server's main class ({@code app.quizroom.Main} or a test wrapper of it)
     */
    public static ClusterNodes start(int count, Map<String, String> env, String mainClass) {
        List<Integer> clusterPorts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            clusterPorts.add(ServerProcess.freePort());
        }
        String members = clusterPorts.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
        List<String> jvmArgs = new ArrayList<>(List.of("-Xmx256m"));
        jvmArgs.addAll(HAZELCAST_FLAGS);
        ExecutorService starter = Executors.newFixedThreadPool(count);
        List<Future<ServerProcess>> starting = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, String> settings = new LinkedHashMap<>(env);
            settings.put("QUIZROOM_CLUSTER_MEMBERS", members);
            if (count > 1 || !settings.containsKey("QUIZROOM_NODE_NAME")) {
                settings.put("QUIZROOM_NODE_NAME", "node-" + i);
            }
            settings.put("QUIZROOM_CLUSTER_HOST", "127.0.0.1");
            settings.put("QUIZROOM_CLUSTER_PORT", Integer.toString(clusterPorts.get(i)));
            settings.put("QUIZROOM_CLUSTER_BUS_PORT", Integer.toString(ServerProcess.freePort()));
            settings.putIfAbsent("QUIZROOM_DRAIN_SECONDS", "0");
            starting.add(starter.submit(() -> ServerProcess.start(jvmArgs, settings, mainClass)));
        }
        starter.shutdown();
        List<ServerProcess> started = new ArrayList<>();
        RuntimeException failure = null;
        for (Future<ServerProcess> node : starting) {
            try {
                started.add(node.get(FORMED.toSeconds() + 30, TimeUnit.SECONDS));
            } catch (Exception e) {
                failure = failure == null ? new IllegalStateException("a cluster node did not start", e) : failure;
            }
        }
        ClusterNodes cluster = new ClusterNodes(started);
        if (failure != null) {
            cluster.close();
            throw failure;
        }
        for (ServerProcess node : started) {
            if (!cluster.awaitMembers(node, count, FORMED)) {
                String status = cluster.readyText(node);
                cluster.close();
                throw new IllegalStateException("node on port " + node.port() + " did not see " + count
                        + " members within " + FORMED + ": " + status + "\n" + node.logTail());
            }
        }
        return cluster;
    }

    public ServerProcess node(int index) {
        return nodes.get(index);
    }

    public List<ServerProcess> nodes() {
        return nodes;
    }

    /** {@code GET /ready}'s body and status, or null when the node does not answer. */
    public static JsonObject ready(ServerProcess node) {
        try {
            var response = node.get("/ready");
            return new JsonObject(response.body()).put("status", response.statusCode());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Polls {@code /ready} until the node counts that many members; false if it did not in time. */
    public boolean awaitMembers(ServerProcess node, int members, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonObject ready = ready(node);
            if (ready != null && ready.getInteger("members", -1) == members) {
                return true;
            }
            pause();
        }
        return false;
    }

    private String readyText(ServerProcess node) {
        JsonObject ready = ready(node);
        return ready == null ? "(no answer)" : ready.encode();
    }

    private static void pause() {
        try {
            // Waiting on another process's view of the cluster: nothing to block on but polling.
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        nodes.parallelStream().forEach(ServerProcess::close);
    }
}
