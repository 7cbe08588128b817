package app.quizroom.editor;

import app.quizroom.bank.BankImages;
import app.quizroom.config.Config;
import app.quizroom.support.TestServer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Who may change a bank, and what the editor's and the pictures' routes refuse: another computer without the
 * password, names that lead out of the banks folder, uploads over their size or not of their type.
 */
class EditorSecurityTest {

    private static final String DRAFT = "{\"version\":null,\"draft\":{\"id\":\"capitals\",\"title\":\"Hacked\","
            + "\"questions\":[{\"id\":\"q\",\"type\":\"truefalse\",\"prompt\":\"Hacked?\",\"trueFalseAnswer\":true}]}}";

    @TempDir
    Path root;

    private Path banks() throws IOException {
        Path banks = root.resolve("banks");
        EditorBanks.write(banks, "capitals.yaml", EditorBanks.CAPITALS);
        return banks;
    }

    private static String code(TestServer.Response r) {
        return new JsonObject(r.body()).getJsonObject("error").getString("code");
    }

    /** A student's laptop on the class network: its requests come from the machine's network address. */
    @Test
    void anotherComputerCannotEditBanksWithoutThePassword() throws IOException {
        String lan = Config.lanAddress();
        assumeFalse(lan.equals("127.0.0.1"), "this machine has no network address besides loopback");
        Path banks = banks();
        try (TestServer server = TestServer.start(Map.of("QUIZROOM_BIND", "0.0.0.0",
                "QUIZROOM_BANKS", banks.toString()))) {
            String password = server.server.generatedTeacherPassword();
            for (String path : List.of("/api/editor/banks", "/api/editor/banks/capitals.yaml",
                    "/api/editor/banks/capitals.yaml/yaml", "/api/editor/banks/capitals.yaml/backups")) {
                TestServer.Response r = server.request(lan, HttpMethod.GET, path, null, Map.of());
                assertEquals(401, r.status(), path);
                assertEquals("password_required", code(r));
            }
            assertEquals(401, server.request(lan, HttpMethod.POST, "/api/editor/banks/capitals.yaml", DRAFT,
                    Map.of()).status());
            assertEquals(401, server.request(lan, HttpMethod.POST, "/api/editor/banks/capitals.yaml", DRAFT,
                    Map.of("X-Teacher-Password", password + "x")).status());
            assertEquals(401, server.requestBytes(lan, HttpMethod.POST, "/api/editor/images?name=x.png",
                    EditorBanks.PNG, Map.of("Content-Type", "image/png")).status());
            assertEquals(401, server.requestBytes(lan, HttpMethod.POST, "/api/editor/import",
                    "a,b".getBytes(StandardCharsets.UTF_8), Map.of("Content-Type", "text/csv")).status());
            assertEquals(EditorBanks.CAPITALS, Files.readString(banks.resolve("capitals.yaml")));
            assertFalse(Files.exists(banks.resolve("x.png")));

            // The teacher who typed the password on that laptop may edit.
            assertEquals(200, server.request(lan, HttpMethod.GET, "/api/editor/banks", null,
                    Map.of("X-Teacher-Password", password)).status());
            assertEquals(200, server.request(lan, HttpMethod.POST, "/api/editor/banks/capitals.yaml", DRAFT,
                    Map.of("X-Teacher-Password", password)).status());
            // Pictures are public: phones may show them.
            assertEquals(404, server.request(lan, HttpMethod.GET, "/api/images/none.png", null, Map.of()).status());
        }
    }

    @Test
    void withAConfiguredPasswordTheServersOwnMachineNeedsItToo() throws IOException {
        try (TestServer server = TestServer.start(Map.of("QUIZROOM_BANKS", banks().toString(),
                "QUIZROOM_TEACHER_PASSWORD", "s3cret"))) {
            assertEquals(401, server.request(HttpMethod.GET, "/api/editor/banks", null).status());
            assertEquals(200, server.request(HttpMethod.GET, "/api/editor/banks", null,
                    Map.of("X-Teacher-Password", "s3cret")).status());
        }
    }

    @Test
    void bankAndPictureNamesThatLeadOutOfTheBanksFolderAreRefused() throws IOException {
        Path banks = banks();
        byte[] secret = Arrays.copyOf(EditorBanks.PNG, EditorBanks.PNG.length);
        Files.write(root.resolve("secret.png"), secret);
        Files.writeString(root.resolve("secret.yaml"), EditorBanks.CAPITALS.replace("capitals", "secret"));
        try (TestServer server = TestServer.start(Map.of("QUIZROOM_BANKS", banks.toString()))) {
            for (String name : List.of("..%2Fsecret.yaml", "%2E%2E%2Fsecret.yaml", "..%5Csecret.yaml",
                    "%2Ftmp%2Fsecret.yaml", "..%252Fsecret.yaml", ".backups", "capitals.yaml%00.png")) {
                TestServer.Response open = server.request(HttpMethod.GET, "/api/editor/banks/" + name, null);
                assertTrue(open.status() == 400 || open.status() == 404, name + ": " + open.status());
                assertFalse(open.body().contains("Which city"), name + " opened a file outside the folder");
                TestServer.Response save = server.request(HttpMethod.POST, "/api/editor/banks/" + name, DRAFT);
                assertTrue(save.status() == 400 || save.status() == 404, name + ": " + save.status());
            }
            assertFalse(Files.exists(root.resolve("capitals.yaml")));
            for (String name : List.of("..%2Fsecret.png", "%2E%2E%2Fsecret.png", "..%5Csecret.png", "%2E%2E%5Csecret.png",
                    "%2F" + root.resolve("secret.png").toString().substring(1).replace("/", "%2F"), "..%252Fsecret.png",
                    ".%2E%2Fsecret.png")) {
                TestServer.Response r = server.request(HttpMethod.GET, "/api/images/" + name, null);
                assertEquals(404, r.status(), name);
                assertEquals("image_not_found", code(r), name);
            }
            TestServer.Response plain = server.request(HttpMethod.GET, "/api/images/../secret.png", null);
            assertFalse(plain.status() == 200 && plain.contentType() != null && plain.contentType().startsWith("image"));
        }
    }

    @Test
    void anUploadOverItsLimitGets413AndOneNotOfItsTypeIsRefused() throws IOException {
        try (TestServer server = TestServer.start(Map.of("QUIZROOM_BANKS", banks().toString()))) {
            byte[] big = Arrays.copyOf(EditorBanks.PNG, BankImages.MAX_BYTES + 1);
            assertEquals(413, server.requestBytes("127.0.0.1", HttpMethod.POST, "/api/editor/images?name=big.png", big,
                    Map.of("Content-Type", "image/png")).status());
            byte[] bigSheet = new byte[5 * 1024 * 1024 + 1];
            assertEquals(413, server.requestBytes("127.0.0.1", HttpMethod.POST, "/api/editor/import", bigSheet,
                    Map.of("Content-Type", "text/csv")).status());
            TestServer.Response fake = server.requestBytes("127.0.0.1", HttpMethod.POST, "/api/editor/images?name=a.png",
                    "<html>".getBytes(StandardCharsets.UTF_8), Map.of("Content-Type", "image/png"));
            assertEquals(422, fake.status());
            assertEquals("image_invalid", code(fake));
            TestServer.Response text = server.requestBytes("127.0.0.1", HttpMethod.POST, "/api/editor/images",
                    EditorBanks.PNG, Map.of("Content-Type", "text/plain"));
            assertEquals(415, text.status());
            assertEquals("unsupported_type", code(text));
            TestServer.Response foreign = server.requestBytes("127.0.0.1", HttpMethod.POST, "/api/editor/images",
                    EditorBanks.PNG, Map.of("Content-Type", "image/png", "Origin", "http://evil.example"));
            assertEquals(403, foreign.status());
        }
    }

    @Test
    void anSvgIsServedUnderAPolicyThatRunsNoScript() throws IOException {
        Path banks = banks();
        Files.writeString(banks.resolve("map.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)"
                + "</script><rect width=\"10\" height=\"10\"/></svg>");
        try (TestServer server = TestServer.start(Map.of("QUIZROOM_BANKS", banks.toString()))) {
            TestServer.Response svg = server.request(HttpMethod.GET, "/api/images/map.svg", null);
            assertEquals(200, svg.status());
            assertEquals("image/svg+xml", svg.contentType());
            assertEquals(BankImages.SVG_CONTENT_SECURITY_POLICY, svg.headers().get("Content-Security-Policy"));
            assertEquals("nosniff", svg.headers().get("X-Content-Type-Options"));
        }
    }
}
