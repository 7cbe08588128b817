package app.quizroom.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Cluster mode's settings (docs/cluster.md), read from environment variables. With no members the server is one
 * process, as on a laptop, and none of the others applies.
 *
 * @param members      QUIZROOM_CLUSTER_MEMBERS (unset: no cluster): {@code host:port} of the Hazelcast members,
 *                     comma-separated; this node may be among them
 * @param nodeName     QUIZROOM_NODE_NAME (the host name): this node's name in metrics, logs and the PIN map, and
 *                     (with or without a cluster) on the games it records
 * @param host         QUIZROOM_CLUSTER_HOST (127.0.0.1): the address other members reach this node at
 * @param port         QUIZROOM_CLUSTER_PORT (5701): this node's Hazelcast port
 * @param busPort      QUIZROOM_CLUSTER_BUS_PORT (0, a free port): this node's event-bus port
 * @param drainSeconds QUIZROOM_DRAIN_SECONDS (0 without a cluster, 300 in one): on SIGTERM, how long the node
 *                     waits for its games to end, taking no new ones, before it stops
 */
public record ClusterConfig(List<String> members, String nodeName, String host, int port, int busPort,
                            int drainSeconds) {

    /** One process, no cluster: the laptop default. */
    public static final ClusterConfig NONE = new ClusterConfig(List.of(), "local", "127.0.0.1", 5701, 0, 0);

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.:_-]{0,252}");

    public ClusterConfig {
        members = List.copyOf(members);
    }

    public boolean enabled() {
        return !members.isEmpty();
    }

    public static ClusterConfig fromEnv(Map<String, String> env) {
        List<String> members = new ArrayList<>();
        for (String raw : env.getOrDefault("QUIZROOM_CLUSTER_MEMBERS", "").split(",")) {
            String member = raw.trim();
            if (!member.isEmpty()) {
                members.add(member(member));
            }
        }
        String name = env.get("QUIZROOM_NODE_NAME");
        name = name == null || name.isBlank() ? hostName() : name.trim();
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("QUIZROOM_NODE_NAME must be 1 to 63 letters, digits, '.', '_' or '-',"
                    + " not '" + name + "'");
        }
        String host = env.getOrDefault("QUIZROOM_CLUSTER_HOST", "127.0.0.1").trim();
        if (!HOST.matcher(host).matches()) {
            throw new IllegalArgumentException("QUIZROOM_CLUSTER_HOST must be a host name or an IP address, not '"
                    + host + "'");
        }
        int defaultDrain = members.isEmpty() ? 0 : 300;
        return new ClusterConfig(members, name, host,
                Config.intValue(env, "QUIZROOM_CLUSTER_PORT", 5701, 1, 65535),
                Config.intValue(env, "QUIZROOM_CLUSTER_BUS_PORT", 0, 0, 65535),
                Config.intValue(env, "QUIZROOM_DRAIN_SECONDS", defaultDrain, 0, 24 * 3600));
    }

    /** The settings as logged at start-up. */
    public Map<String, Object> describe() {
        Map<String, Object> map = new LinkedHashMap<>();
        if (!enabled()) {
            map.put("QUIZROOM_CLUSTER_MEMBERS", "(unset: one node, no cluster)");
            map.put("QUIZROOM_DRAIN_SECONDS", drainSeconds);
            return map;
        }
        map.put("QUIZROOM_CLUSTER_MEMBERS", String.join(",", members));
        map.put("QUIZROOM_NODE_NAME", nodeName);
        map.put("QUIZROOM_CLUSTER_HOST", host);
        map.put("QUIZROOM_CLUSTER_PORT", port);
        map.put("QUIZROOM_CLUSTER_BUS_PORT", busPort == 0 ? "0 (a free port)" : busPort);
        map.put("QUIZROOM_DRAIN_SECONDS", drainSeconds);
        return map;
    }

    private static String member(String member) {
        int colon = member.lastIndexOf(':');
        if (colon <= 0 || !HOST.matcher(member.substring(0, colon)).matches()) {
            throw new IllegalArgumentException("QUIZROOM_CLUSTER_MEMBERS lists host:port pairs, not '" + member + "'");
        }
        try {
            int port = Integer.parseInt(member.substring(colon + 1));
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("QUIZROOM_CLUSTER_MEMBERS: '" + member + "' needs a port from 1 to 65535");
        }
        return member.toLowerCase(Locale.ROOT);
    }

    private static String hostName() {
        String fromEnv = System.getenv("HOSTNAME");
        if (fromEnv != null && NAME.matcher(fromEnv).matches()) {
            return fromEnv;
        }
        try {
            String name = InetAddress.getLocalHost().getHostName();
            return NAME.matcher(name).matches() ? name : "node";
        } catch (UnknownHostException e) {
            return "node";
        }
    }
}
