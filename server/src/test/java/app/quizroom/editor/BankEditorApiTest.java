package app.quizroom.editor;

import app.quizroom.bank.Bank;
import app.quizroom.bank.BankLoader;
import app.quizroom.bank.BankProblem;
import app.quizroom.bank.sheet.Sheets;
import app.quizroom.support.HostedGame;
import app.quizroom.support.Started;
import app.quizroom.support.TestServer;
import app.quizroom.support.WsClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The banks folder as the server serves it and the editor's API over real HTTP: a change on disk reaches the next
 * game (and not a game in progress), a broken file leaves its last good version in service, and the editor opens,
 * checks, saves (with versions), restores, imports and exports.
 */
class BankEditorApiTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @TempDir
    Path banks;
    @RegisterExtension
    final Started started = new Started();
    private TestServer server;

    private TestServer start() throws IOException {
        EditorBanks.write(banks, "capitals.yaml", EditorBanks.CAPITALS);
        server = started.keep(TestServer.start(Map.of("QUIZROOM_BANKS", banks.toString())));
        return server;
    }

    private JsonObject json(TestServer.Response r, int status) {
        assertEquals(status, r.status(), r.body());
        return new JsonObject(r.body());
    }

    private JsonObject get(String path) {
        return json(server.request(HttpMethod.GET, path, null), 200);
    }

    private TestServer.Response post(String path, JsonObject body) {
        return server.request(HttpMethod.POST, path, body.encode());
    }

    private int questionCountOfANewGame() {
        HostedGame game = HostedGame.create(server, new JsonObject().put("bankId", "capitals"));
        return game.hosting().getJsonObject("bank").getInteger("questionCount");
    }

    private Bank served(String id) {
        return server.server.library().current().bank(id).orElse(null);
    }

    @Test
    void aFileChangedOnDiskIsServedToTheNextGameWhileAGameInProgressKeepsItsBank() throws Exception {
        start();
        HostedGame running = HostedGame.create(server, new JsonObject().put("bankId", "capitals"));
        WsClient player = running.join("Ada");

        Files.writeString(banks.resolve("capitals.yaml"), EditorBanks.CAPITALS_TWO);
        server.server.library().when(s -> s.bank("capitals").map(b -> b.questions().size() == 2).orElse(false))
                .get(20, TimeUnit.SECONDS);

        assertEquals(2, questionCountOfANewGame());
        assertTrue(server.request(HttpMethod.GET, "/api/banks", null).body().contains("\"questionCount\":2"));
        running.command("start");
        assertEquals(1, player.await("question").getInteger("count"), "the game started before keeps its bank");
    }

    @Test
    void aBrokenFileLeavesTheLastGoodVersionInService() throws Exception {
        start();
        Files.writeString(banks.resolve("capitals.yaml"), EditorBanks.CAPITALS_BROKEN);
        // Written after the broken file: once it is served, the rescan has read the broken one too.
        EditorBanks.write(banks, "later.yaml", EditorBanks.CAPITALS.replace("id: capitals", "id: later"));
        server.server.library().when(s -> s.bank("later").isPresent()).get(20, TimeUnit.SECONDS);

        assertEquals(1, served("capitals").questions().size());
        assertEquals(1, questionCountOfANewGame());
        JsonObject listed = get("/api/editor/banks").getJsonArray("banks").stream().map(JsonObject.class::cast)
                .filter(b -> b.getString("file").equals("capitals.yaml")).findFirst().orElseThrow();
        assertFalse(listed.getBoolean("valid"));
        assertTrue(listed.getBoolean("served"), "its last good version is still served");
        assertEquals(1, listed.getInteger("problemCount"));
    }

    @Test
    void theEditorOpensChecksAndSavesABankWithItsVersion() throws Exception {
        start();
        JsonObject listing = get("/api/editor/banks");
        assertEquals("capitals.yaml", listing.getJsonArray("banks").getJsonObject(0).getString("file"));
        JsonObject opened = get("/api/editor/banks/capitals.yaml");
        String version = opened.getString("version");
        JsonObject draft = opened.getJsonObject("draft");
        assertEquals("single", draft.getJsonArray("questions").getJsonObject(0).getString("type"));
        assertTrue(draft.getJsonArray("questions").getJsonObject(0).getJsonArray("options").getJsonObject(0)
                .getBoolean("correct"));

        // A second question with no right option: the check places the problem on it.
        JsonObject second = draft.getJsonArray("questions").getJsonObject(0).copy().put("id", "paris2")
                .put("prompt", "Which of these is in France?");
        second.getJsonArray("options").getJsonObject(0).put("correct", false);
        draft.getJsonArray("questions").add(second);
        JsonObject check = json(post("/api/editor/check", new JsonObject().put("file", "capitals.yaml")
                .put("draft", draft)), 200);
        assertFalse(check.getBoolean("valid"));
        JsonObject problem = check.getJsonArray("problems").getJsonObject(0);
        assertEquals(1, problem.getInteger("question"), check.encodePrettily());
        assertNotNull(problem.getString("message"));

        TestServer.Response invalid = post("/api/editor/banks/capitals.yaml",
                new JsonObject().put("draft", draft).put("version", version));
        JsonObject refused = json(invalid, 422);
        assertEquals("bank_invalid", refused.getJsonObject("error").getString("code"));
        assertEquals(1, refused.getJsonArray("problems").getJsonObject(0).getInteger("question"));
        assertEquals(EditorBanks.CAPITALS, Files.readString(banks.resolve("capitals.yaml")), "nothing was written");

        second.getJsonArray("options").getJsonObject(1).put("correct", true);
        JsonObject saved = json(post("/api/editor/banks/capitals.yaml",
                new JsonObject().put("draft", draft).put("version", version)), 200);
        assertNotEquals(version, saved.getString("version"));
        assertNotNull(saved.getJsonObject("backup"));
        assertEquals(2, served("capitals").questions().size(), "served as soon as the save is answered");

        JsonObject conflict = json(post("/api/editor/banks/capitals.yaml",
                new JsonObject().put("draft", draft).put("version", version)), 409);
        assertEquals("bank_conflict", conflict.getJsonObject("error").getString("code"));
        assertEquals(saved.getString("version"), conflict.getString("currentVersion"));

        JsonArray backups = get("/api/editor/banks/capitals.yaml/backups").getJsonArray("backups");
        assertEquals(1, backups.size());
        JsonObject restored = json(post("/api/editor/banks/capitals.yaml/restore", new JsonObject()
                .put("backup", backups.getJsonObject(0).getString("name")).put("version", saved.getString("version"))),
                200);
        assertEquals(EditorBanks.CAPITALS, Files.readString(banks.resolve("capitals.yaml")));
        assertEquals(version, restored.getString("version"));
        assertEquals(1, served("capitals").questions().size());

        JsonObject created = json(post("/api/editor/banks/rivers.yaml", new JsonObject()
                .put("draft", draft.copy().put("id", "rivers").put("title", "Rivers")).put("version", "none")), 201);
        assertTrue(created.getBoolean("created"));
        assertNotNull(served("rivers"));
        assertEquals("bank_conflict", json(post("/api/editor/banks/rivers.yaml", new JsonObject()
                .put("draft", draft.copy().put("id", "rivers")).put("version", "none")), 409)
                .getJsonObject("error").getString("code"), "a new bank never replaces a file");
    }

    @Test
    void aBankIsExportedAsYamlAndAsTheKahootTemplate() throws Exception {
        start();
        TestServer.Response yaml = server.request(HttpMethod.GET, "/api/editor/banks/capitals.yaml/yaml", null);
        assertEquals(200, yaml.status());
        assertEquals(EditorBanks.CAPITALS, yaml.body());
        assertTrue(yaml.headers().get("Content-Disposition").contains("capitals.yaml"));
        TestServer.Response xlsx = server.request(HttpMethod.GET, "/api/editor/banks/capitals.yaml/kahoot.xlsx", null);
        assertEquals(200, xlsx.status());
        assertEquals(XLSX, xlsx.contentType());
        assertTrue(xlsx.headers().get("Content-Disposition").contains("capitals-kahoot.xlsx"));
    }

    @Test
    void aSpreadsheetIsImportedAsADraftWithItsRefusedRowsAndNothingIsSaved() throws Exception {
        start();
        byte[] xlsx = Sheets.xlsx(Sheets::templateWithThreeQuestions);
        JsonObject imported = json(server.requestBytes("127.0.0.1", HttpMethod.POST,
                "/api/editor/import?title=Stalin%27s%20rise", xlsx, Map.of("Content-Type", XLSX)), 200);
        assertEquals("stalin-s-rise.yaml", imported.getString("file"));
        JsonArray questions = imported.getJsonObject("draft").getJsonArray("questions");
        assertEquals(List.of("single", "multi"), questions.stream().map(q -> ((JsonObject) q).getString("type")).toList());
        JsonObject refused = imported.getJsonArray("refused").getJsonObject(0);
        assertEquals(11, refused.getInteger("row"), "the spreadsheet's own row number");
        assertEquals("no correct answer", refused.getString("message"));

        String csv = """
                ,"Question - max 120 characters","Answer 1 - max 75 characters","Answer 2 - max 75 characters",\
                "Time limit (sec)","Correct answer(s) - choose at least one"
                1,"Who became General Secretary in 1922?",Stalin,Trotsky,20,1
                2,"Who led the Red Army?",Trotsky,Stalin,20,
                """;
        JsonObject fromCsv = json(server.requestBytes("127.0.0.1", HttpMethod.POST, "/api/editor/import?name=rise.csv",
                csv.getBytes(StandardCharsets.UTF_8), Map.of("Content-Type", "text/csv")), 200);
        assertEquals("rise", fromCsv.getJsonObject("draft").getString("title"), "named after the file");
        assertEquals(1, fromCsv.getJsonObject("draft").getJsonArray("questions").size());
        assertEquals(3, fromCsv.getJsonArray("refused").getJsonObject(0).getInteger("row"));

        String boundary = "----quizroom-test";
        byte[] multipart = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"rise.csv\""
                + "\r\nContent-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8);
        JsonObject fromForm = json(server.requestBytes("127.0.0.1", HttpMethod.POST, "/api/editor/import", multipart,
                Map.of("Content-Type", "multipart/form-data; boundary=" + boundary)), 200);
        assertEquals(1, fromForm.getJsonObject("draft").getJsonArray("questions").size());

        try (Stream<Path> files = Files.list(banks)) {
            assertEquals(List.of("capitals.yaml"), files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml")).toList(), "an import saves nothing");
        }
        JsonObject wrong = json(server.requestBytes("127.0.0.1", HttpMethod.POST, "/api/editor/import",
                "not a workbook".getBytes(StandardCharsets.UTF_8), Map.of("Content-Type", XLSX)), 422);
        assertEquals("sheet_unreadable", wrong.getJsonObject("error").getString("code"));
    }

    @Test
    void aPictureIsStoredBesideTheBanksUnderASafeNameAndShownWithItsQuestion() throws Exception {
        start();
        JsonObject stored = json(server.requestBytes("127.0.0.1", HttpMethod.POST,
                "/api/editor/images?name=..%2F..%2FRed%20Square%20(1924).PNG", EditorBanks.PNG,
                Map.of("Content-Type", "image/png")), 201);
        assertEquals("Red-Square-1924.png", stored.getString("name"));
        assertEquals("/api/images/Red-Square-1924.png", stored.getString("url"));
        assertTrue(Files.isRegularFile(banks.resolve("Red-Square-1924.png")));
        TestServer.Response image = server.request(HttpMethod.GET, stored.getString("url"), null);
        assertEquals(200, image.status());
        assertEquals("image/png", image.contentType());
        assertEquals("nosniff", image.headers().get("X-Content-Type-Options"));

        Files.writeString(banks.resolve("capitals.yaml"), EditorBanks.CAPITALS.replace("    answer: Paris", """
                    answer: Paris
                    image: Red-Square-1924.png
                    imageAlt: "Red Square in winter"\
                """));
        server.server.library().when(s -> s.bank("capitals").map(b -> b.questions().get(0).image() != null)
                .orElse(false)).get(20, TimeUnit.SECONDS);
        for (boolean onPhones : new boolean[] {false, true}) {
            HostedGame game = HostedGame.create(server, new JsonObject().put("bankId", "capitals")
                    .put("imagesOnPhones", onPhones));
            WsClient phone = game.join("Ada");
            game.command("start");
            JsonObject picture = game.host().await("question").getJsonObject("image");
            assertEquals(new JsonObject().put("url", "/api/images/Red-Square-1924.png")
                    .put("alt", "Red Square in winter"), picture);
            JsonObject onPhone = phone.await("question").getJsonObject("image");
            assertEquals(onPhones ? picture : null, onPhone, "imagesOnPhones " + onPhones);
        }
    }

    @Test
    void concurrentSavesOfOneBankNeverLeaveABrokenFile() throws Exception {
        start();
        JsonObject draft = get("/api/editor/banks/capitals.yaml").getJsonObject("draft");
        List<Thread> threads = new ArrayList<>();
        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        List<String> broken = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 8; i++) {
            JsonObject mine = draft.copy().put("title", "Capitals, version " + i);
            for (int q = 0; q < i; q++) {
                mine.getJsonArray("questions").add(mine.getJsonArray("questions").getJsonObject(0).copy()
                        .put("id", "copy" + q));
            }
            Thread saver = new Thread(() -> {
                for (int round = 0; round < 5; round++) {
                    statuses.add(post("/api/editor/banks/capitals.yaml",
                            new JsonObject().put("draft", mine).put("version", (String) null)).status());
                    // Read while the others write: never a half-written file.
                    List<BankProblem> problems = new ArrayList<>();
                    if (BankLoader.loadFile(banks.resolve("capitals.yaml"), problems) == null) {
                        broken.add(problems.toString());
                    }
                }
            });
            saver.start();
            threads.add(saver);
        }
        for (Thread t : threads) {
            t.join(60_000);
        }
        assertEquals(List.of(), broken);
        assertEquals(40, statuses.size());
        assertTrue(statuses.stream().allMatch(s -> s == 200), statuses.toString());
        List<BankProblem> problems = new ArrayList<>();
        assertNotNull(BankLoader.loadFile(banks.resolve("capitals.yaml"), problems), problems.toString());
        try (Stream<Path> files = Files.list(banks)) {
            assertEquals(List.of(".backups", "capitals.yaml"), files.map(p -> p.getFileName().toString()).sorted()
                    .toList(), "no temporary file is left behind");
        }
    }
}
