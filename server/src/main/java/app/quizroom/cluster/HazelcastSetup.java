package app.quizroom.cluster;

import app.quizroom.config.ClusterConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;

import java.util.regex.Pattern;

/**
 * The embedded Hazelcast member's configuration: a TCP/IP member list (multicast and auto-detection off), this
 * node's own address and port, and failure detection fast enough to notice a dead member in about 5 to 10 s.
 */
final class HazelcastSetup {

    static final String CLUSTER_NAME = "quizroom";
    static final String NODE_ATTRIBUTE = "quizroom.node";
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private HazelcastSetup() {
    }

    static Config of(ClusterConfig cluster) {
        // Vert.x's default file declares the maps its cluster manager needs (subscriptions, node info).
        Config hz = ConfigUtil.loadConfig();
        hz.setClusterName(CLUSTER_NAME);
        hz.setInstanceName("quizroom-" + cluster.nodeName());
        // Members are known by their node names (the names the PIN map holds), to tell a live owner from a gone one.
        hz.getMemberAttributeConfig().setAttribute(NODE_ATTRIBUTE, cluster.nodeName());
        NetworkConfig network = hz.getNetworkConfig();
        network.setPort(cluster.port()).setPortAutoIncrement(false);
        network.setPublicAddress(cluster.host() + ":" + cluster.port());
        if (IPV4.matcher(cluster.host()).matches()) {
            // Listen on that address only (a test cluster on 127.0.0.1 stays on loopback).
            network.getInterfaces().setEnabled(true).addInterface(cluster.host());
            hz.setProperty("hazelcast.socket.bind.any", "false");
        }
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(cluster.members()).setConnectionTimeoutSeconds(2);
        // Hazelcast's defaults take 60 s to give up on a silent member; rooms need their owner back within seconds.
        hz.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        hz.setProperty("hazelcast.max.no.heartbeat.seconds", "5");
        // Members that started apart (or were cut off) merge after 10 s, not Hazelcast's default 5 minutes.
        hz.setProperty("hazelcast.merge.first.run.delay.seconds", "10");
        hz.setProperty("hazelcast.merge.next.run.delay.seconds", "10");
        hz.setProperty("hazelcast.wait.seconds.before.join", "1");
        hz.setProperty("hazelcast.phone.home.enabled", "false");
        hz.setProperty("hazelcast.logging.type", "jdk");
        return hz;
    }
}
