package app.quizroom.deploy;

import app.quizroom.config.ClusterConfig;
import app.quizroom.config.DatabaseSettings;
import app.quizroom.support.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The deployment examples in deploy/ (docs/cluster.md §9) parse, and agree with each other and with the server's
 * settings: no container engine or Kubernetes runs here, so this and {@code haproxy -c} in .ci/run are their check.
 */
class DeployFilesTest {

    private static final Path DEPLOY = TestServer.projectRoot().resolve("deploy");
    private static final YAMLMapper YAML = new YAMLMapper();

    @Test
    void composeRunsThreeNodesThatListEachOtherBehindHaproxy() throws IOException {
        JsonNode services = YAML.readTree(DEPLOY.resolve("docker-compose.yml").toFile()).get("services");
        assertNotNull(services.get("postgres"));
        List<String> nodes = List.of("node1", "node2", "node3");
        Set<String> names = new HashSet<>();
        for (String node : nodes) {
            JsonNode service = services.get(node);
            assertNotNull(service, node);
            ClusterConfig cluster = ClusterConfig.fromEnv(environment(service.get("environment")));
            assertTrue(cluster.enabled(), node);
            assertTrue(names.add(cluster.nodeName()), "node names are unique");
            assertEquals(node, cluster.host());
            assertEquals(nodes.stream().map(n -> n + ":" + cluster.port()).toList(), cluster.members());
            assertTrue(seconds(service.get("stop_grace_period").asText()) > cluster.drainSeconds(),
                    node + " is not killed before its drain ends");
            assertNotNull(environment(service.get("environment")).get("QUIZROOM_TEACHER_PASSWORD"),
                    "every node shares one teacher password");
            DatabaseSettings database = DatabaseSettings.fromEnv(environment(service.get("environment")));
            assertNotNull(database, node + " keeps its results in the shared PostgreSQL database");
            assertEquals("postgres", database.host(), "the compose file's postgres service");
            assertEquals(environment(services.get("postgres").get("environment")).get("POSTGRES_DB"),
                    database.database());
            assertEquals(environment(services.get("postgres").get("environment")).get("POSTGRES_PASSWORD"),
                    database.password());
        }
        JsonNode haproxy = services.get("haproxy");
        assertTrue(haproxy.get("volumes").get(0).asText().startsWith("./haproxy.cfg:"));
        assertEquals(Set.copyOf(nodes), Set.copyOf(haproxyServers()), "HAProxy balances over the compose nodes");
    }

    @Test
    void haproxyHashesThePinAndChecksReadiness() throws IOException {
        String config = Files.readString(DEPLOY.resolve("haproxy.cfg"));
        assertTrue(config.contains("balance url_param pin"), "routes a room's sockets by its PIN");
        assertTrue(config.contains("hash-type consistent"));
        assertTrue(config.contains("option httpchk GET /ready"));
        assertTrue(config.matches("(?s).*timeout tunnel \\d+h.*"), "WebSockets outlive the HTTP timeouts");
    }

    @Test
    void kubernetesRunsAStatefulSetOnAHeadlessServiceWithReadinessOnReady() throws IOException {
        Map<String, JsonNode> byKind = new HashMap<>();
        Map<String, JsonNode> services = new HashMap<>();
        try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class)
                .readValues(DEPLOY.resolve("kubernetes.yaml").toFile())) {
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                byKind.put(doc.get("kind").asText(), doc);
                if (doc.get("kind").asText().equals("Service")) {
                    services.put(doc.get("metadata").get("name").asText(), doc);
                }
            }
        }
        JsonNode set = byKind.get("StatefulSet");
        assertNotNull(set);
        JsonNode spec = set.get("spec");
        JsonNode headless = services.get(spec.get("serviceName").asText());
        assertNotNull(headless, "the StatefulSet's service exists");
        assertEquals("None", headless.get("spec").get("clusterIP").asText());
        assertTrue(headless.get("spec").get("publishNotReadyAddresses").asBoolean());
        assertEquals(set.get("spec").get("selector").get("matchLabels"), headless.get("spec").get("selector"));

        JsonNode pod = spec.get("template").get("spec");
        JsonNode container = pod.get("containers").get(0);
        assertEquals("/ready", container.get("readinessProbe").get("httpGet").get("path").asText());
        assertEquals("/health", container.get("livenessProbe").get("httpGet").get("path").asText());
        Map<String, String> env = new HashMap<>();
        for (JsonNode var : container.get("env")) {
            env.put(var.get("name").asText(), var.has("value") ? var.get("value").asText() : "(from elsewhere)");
        }
        // Kubernetes expands $(POD_NAME) per pod; as pod 0 sees it:
        env.replaceAll((k, v) -> v.replace("$(POD_NAME)", set.get("metadata").get("name").asText() + "-0"));
        ClusterConfig cluster = ClusterConfig.fromEnv(env);
        assertTrue(env.get("QUIZROOM_DATABASE_URL").startsWith("postgresql://"),
                "the nodes share one PostgreSQL database (edges and takeover need it)");
        assertEquals("(from elsewhere)", env.get("QUIZROOM_DATABASE_PASSWORD"), "the password comes from the Secret");
        int replicas = spec.get("replicas").asInt();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < replicas; i++) {
            expected.add(set.get("metadata").get("name").asText() + "-" + i + "." + headless.get("metadata")
                    .get("name").asText() + ":" + cluster.port());
        }
        assertEquals(expected, cluster.members(), "every pod is a member, by its stable name");
        assertTrue(cluster.members().contains(cluster.host() + ":" + cluster.port()), "a pod lists itself");
        assertTrue(pod.get("terminationGracePeriodSeconds").asInt() > cluster.drainSeconds());
        Set<Integer> servicePorts = new HashSet<>();
        headless.get("spec").get("ports").forEach(p -> servicePorts.add(p.get("port").asInt()));
        assertEquals(Set.of(cluster.port(), cluster.busPort()), servicePorts);
    }

    private static Map<String, String> environment(JsonNode env) {
        Map<String, String> map = new HashMap<>();
        env.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    private static List<String> haproxyServers() throws IOException {
        List<String> hosts = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^\\s*server \\S+ (\\S+):8080\\s*$")
                .matcher(Files.readString(DEPLOY.resolve("haproxy.cfg")));
        while (m.find()) {
            hosts.add(m.group(1));
        }
        return hosts;
    }

    private static int seconds(String duration) {
        assertTrue(duration.endsWith("s"), duration);
        return Integer.parseInt(duration.substring(0, duration.length() - 1));
    }
}
