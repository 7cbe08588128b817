package app.quizroom.hardening;

import app.quizroom.support.HostedGame;
import app.quizroom.support.TestServer;
import app.quizroom.support.WsClient;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nickname vandalism over the wire: impersonation through look-alike names, blocked words dressed up in Unicode,
 * and names built to break the projector (huge, stacked accents, direction overrides, control characters). Each
 * is refused with a specific error code and a message a phone can show; the socket stays usable (for a few refusals:
 * a socket that keeps sending refused joins is closed, see {@code JoinFloodTest}). A name too big for
 * a WebSocket frame (QUIZROOM_MAX_MESSAGE_BYTES, 4096) never reaches the nickname rules: the socket is closed with
 * 1009.
 */
class NicknameAttackTest {

    private static final String TOO_LONG = "That nickname is too long (at most 20 characters).";
    private static final String INVISIBLE = "Nicknames cannot contain control or invisible characters.";
    private static final String STACKED = "That nickname has too many accents stacked on one letter.";
    private static final String NOTHING_VISIBLE = "A nickname needs at least one letter, digit or emoji.";

    @RegisterExtension
    final TestServer server = TestServer.start();
    private HostedGame game;

    @BeforeEach
    void hostAGame() {
        game = HostedGame.create(server, new JsonObject().put("bankId", "lenin-enrolment"));
    }

    /**
     * Tries a join on a socket of its own and returns the refusal; a socket that is refused stays open and unseated.
     * (The attacker's socket of each test only names who tries: a socket is closed after a few refused joins.)
     */
    private JsonObject refused(WsClient attacker, String name) {
        WsClient c = server.client();
        c.send(new JsonObject().put("type", "join").put("pin", game.pin).put("name", name));
        JsonObject reply = c.await(m -> "joined".equals(m.getString("type")) || "error".equals(m.getString("type")),
                "an answer to the join");
        assertEquals("error", reply.getString("type"), () -> "accepted: " + visible(name) + " as " + reply.encode());
        assertEquals("join", reply.getString("ref"));
        assertFalse(c.isClosed());
        return reply;
    }

    private void joins(String name, String shownAs) {
        WsClient c = server.client();
        c.send(new JsonObject().put("type", "join").put("pin", game.pin).put("name", name));
        assertEquals(shownAs, c.await("joined").getString("name"));
    }

    private static String visible(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().limit(40).forEach(cp -> b.append(cp < 0x20 || cp > 0x7e ? String.format("\\u%04x", cp)
                : Character.toString(cp)));
        return b + (s.length() > 40 ? "… (" + s.length() + " chars)" : "");
    }

    @Test
    void lookAlikesOfATakenNameAreRefused() {
        joins("Anna Lee", "Anna Lee");
        WsClient impostor = server.client();
        Map<String, String> attempts = new LinkedHashMap<>();
        attempts.put("anna lee", "case");
        attempts.put("ANNA LEE", "case");
        attempts.put("AnnaLee", "spaces removed");
        attempts.put("  Anna    Lee ", "extra spaces");
        attempts.put("Anna\u00a0Lee", "no-break space");
        attempts.put("Ａｎｎａ Ｌｅｅ", "full-width (NFKC)");
        attempts.put("𝐀𝐧𝐧𝐚 𝐋𝐞𝐞", "mathematical bold (NFKC)");
        attempts.put("Anna\u2003Lee", "em space (NFKC)");
        attempts.put("Anna\u200bLee", "zero-width space");
        attempts.put("Anna Lee\u200d", "zero-width joiner");
        attempts.put("\ufeffAnna Lee", "byte-order mark");
        attempts.put("Anna\u00adLee", "soft hyphen");
        attempts.put("Anna Lee\u2060", "word joiner");
        for (Map.Entry<String, String> a : attempts.entrySet()) {
            JsonObject r = refused(impostor, a.getKey());
            String code = r.getString("code");
            assertTrue(code.equals("name_taken") || code.equals("name_invalid"),
                    a.getValue() + ": " + r.encode());
            assertFalse(r.getString("message").isBlank());
        }
        // NFKC variants and case are the same name: name_taken (not a generic failure).
        assertEquals("name_taken", refused(impostor, "𝐀𝐧𝐧𝐚 𝐋𝐞𝐞").getString("code"));
        assertEquals("name_taken", refused(impostor, "Ａｎｎａ Ｌｅｅ").getString("code"));
        // Invisible characters are refused outright, wherever they are.
        JsonObject zw = refused(impostor, "Anna\u200bLee");
        assertEquals("name_invalid", zw.getString("code"));
        assertEquals(INVISIBLE, zw.getString("message"));
        // Case folding goes beyond ASCII: Straße and STRASSE are one name.
        joins("Straße", "Straße");
        assertEquals("name_taken", refused(impostor, "STRASSE").getString("code"));
        // A socket refused a few times is still good for an honest name.
        for (String name : List.of("anna lee", "AnnaLee", "Anna\u200bLee")) {
            impostor.send(new JsonObject().put("type", "join").put("pin", game.pin).put("name", name));
            impostor.await("error");
        }
        impostor.send(new JsonObject().put("type", "join").put("pin", game.pin).put("name", "Anna Leigh"));
        assertEquals("Anna Leigh", impostor.await("joined").getString("name"));
    }

    @Test
    void blockedWordsAreRefusedWhateverTheyAreDressedIn() {
        WsClient vandal = server.client();
        for (String name : List.of("fuck", "𝐟𝐮𝐜𝐤", "𝐅𝐔𝐂𝐊 you", "ｆｕｃｋ", "f.u.c.k", "f u c k", "FuCk_it",
                "5h1thead", "sh!thead", "𝓈𝒽𝒾𝓉𝒽𝑒𝒶𝒹", "b1tch", "Big Dick", "𝔡𝔦𝔠𝔨")) {
            JsonObject r = refused(vandal, name);
            assertEquals("name_blocked", r.getString("code"), visible(name) + ": " + r.encode());
            assertFalse(r.getString("message").isBlank());
        }
        // Zero-width characters cannot split a word past the filter: they are refused on their own.
        assertEquals("name_invalid", refused(vandal, "fu\u200bck").getString("code"));
        // Ordinary names that contain a short blocked word inside them still pass.
        joins("Dickens", "Dickens");
        joins("Scunthorpe", "Scunthorpe");
        joins("Cassie", "Cassie");
    }

    @Test
    void cyrillicAndGreekLookAlikesOfBlockedWordsAreBlocked() {
        WsClient vandal = server.client();
        // Each hides a blocked word behind letters of another script that look Latin (eleven, as in the attack).
        List<String> disguised = List.of("fu\u0441k", "FU\u0421K", "\u0192uck it", "sh\u0456t", "b\u0456tch",
                "\u0430sshole", "wh\u043ere", "\u03c1orn star", "\u03a1\u039fR\u039d", "\u0441unt", "d\u0456\u0441k");
        for (String name : disguised) {
            JsonObject r = refused(vandal, name);
            assertEquals("name_blocked", r.getString("code"), visible(name) + ": " + r.encode());
        }
        // Latin letters are not merged with each other, so ordinary names stay fine.
        joins("Pompey", "Pompey");
        joins("Дмитрий", "Дмитрий");
    }

    @Test
    void lookAlikeImpersonationAndInvisibleFillersAreRefused() {
        joins("Ann", "Ann");
        joins("Bob", "Bob");
        WsClient impostor = server.client();
        // Another script's letters that look the same: the Unicode confusable skeleton is the same name.
        for (String name : List.of("\u0410nn", "\u0430nn", "\u0391\u039d\u039d", "\u0392\u03bfb", "B\u043eb")) {
            assertEquals("name_taken", refused(impostor, name).getString("code"), visible(name));
        }
        // Invisible and default-ignorable code points, anywhere in the name.
        for (String name : List.of("Bob\u034f", "Bob\u17b4", "\u115fBob", "Bob\u3164", "Bob\u2800", "B\u034fob",
                "Bob\ufe0f", "\u3164", "\u2800\u2800")) {
            JsonObject r = refused(impostor, name);
            assertEquals("name_invalid", r.getString("code"), visible(name));
            assertEquals(INVISIBLE, r.getString("message"), visible(name));
        }
        // A name of punctuation alone shows no one.
        assertEquals(NOTHING_VISIBLE, refused(impostor, "...").getString("message"));
        game.host().sync();
        assertEquals(2, game.host().drain().stream().filter(m -> "playerJoined".equals(m.getString("type"))).count());
    }

    @Test
    void namesOfTheTeacherAndTheGameAreReserved() {
        WsClient impostor = server.client();
        for (String name : List.of("Teacher", "TEACHER", "The Teacher", "Te\u0430cher", "H0st", "Admin 2", "System",
                "Quizroom", "Teacher1", "Lehrerin", "Profesora", "\u0423\u0447\u0438\u0442\u0435\u043b\u044c",
                "\u738b\u8001\u5e08")) {
            JsonObject r = refused(impostor, name);
            assertEquals("name_blocked", r.getString("code"), visible(name));
        }
        joins("Hostess", "Hostess");
        joins("Ghost", "Ghost");
    }

    @Test
    void emojiNamesAreCountedAsTheyAreSeen() {
        // A ZWJ sequence is one emoji, not an invisible character.
        joins("\ud83d\udc69\u200d\ud83d\udcbb Ben", "\ud83d\udc69\u200d\ud83d\udcbb Ben");
        // A flag and a skin-toned thumb are one character each: 2 + 18 letters is 20.
        String twenty = "\ud83c\uddfa\ud83c\udde6\ud83d\udc4d\ud83c\udffd" + "abcdefghijklmnopqr";
        joins(twenty, twenty);
        WsClient c = server.client();
        assertEquals(TOO_LONG, refused(c, twenty + "s").getString("message"));
        // Bare joiners are still refused.
        assertEquals(INVISIBLE, refused(c, "Ben\u200d").getString("message"));
        assertEquals(INVISIBLE, refused(c, "Be\u200dn").getString("message"));
    }

    @Test
    void namesBuiltToBreakTheScreenAreRefusedWithASpecificMessage() {
        WsClient vandal = server.client();
        // Long: over 100 characters is refused before any normalisation work.
        assertEquals(TOO_LONG, refused(vandal, "A".repeat(3_000)).getString("message"));
        assertEquals(TOO_LONG, refused(vandal, "A".repeat(21)).getString("message"));
        // 200 combining marks: over the raw length limit, refused as too long before any work.
        JsonObject zalgo = refused(vandal, "a" + "\u0301".repeat(200));
        assertEquals("name_invalid", zalgo.getString("code"));
        assertEquals(TOO_LONG, zalgo.getString("message"));
        // Shorter piles of accents are refused for what they are.
        for (String name : List.of("Zq\u0300\u0301\u0302", "e" + "\u0308".repeat(30), "\u0301Ana")) {
            JsonObject r = refused(vandal, name);
            assertEquals("name_invalid", r.getString("code"), visible(name));
            assertEquals(STACKED, r.getString("message"), visible(name));
        }
        // Direction overrides and isolates, and every kind of control character.
        for (String name : List.of("\u202eAna", "Ana\u202d", "\u2066Ana\u2069", "Ana\u200f", "Ana\u0007", "Ana\nBen",
                "Ana\tBen", "Ana\u0000", "Ana\u001b[31m", "Ana\u0085", "Ana\u2028Ben", "Ana\ue000", "Ana\uDB80\uDC00")) {
            JsonObject r = refused(vandal, name);
            assertEquals("name_invalid", r.getString("code"), visible(name));
            assertEquals(INVISIBLE, r.getString("message"), visible(name));
        }
        // Empty and blank.
        for (String name : List.of("", "   ", "\u3000")) {
            JsonObject r = refused(vandal, name);
            assertEquals("name_invalid", r.getString("code"), visible(name));
        }
        // Nothing of this reached the host.
        game.host().sync();
        assertTrue(game.host().drain().stream().noneMatch(m -> "playerJoined".equals(m.getString("type"))));
        // Accents in normal amounts are fine.
        joins("Zoë Ångström", "Zoë Ångström");
        joins("Nguyễn", "Nguyễn");
    }

    @Test
    void inGeneratedNamesModeWhatAPhoneTypesIsNeverShown() {
        String generatedPin = server.createGame(new JsonObject().put("bankId", "lenin-enrolment")
                .put("generatedNames", true)).getString("pin");
        Set<String> names = new HashSet<>();
        for (String typed : List.of("fuck", "\u202eevil", "Anna Lee", "")) {
            WsClient c = server.client();
            c.send(new JsonObject().put("type", "join").put("pin", generatedPin).put("name", typed));
            String given = c.await("joined").getString("name");
            assertFalse(given.toLowerCase().contains("fuck") || given.contains("\u202e") || given.equals("Anna Lee"), given);
            assertTrue(given.matches("\\p{L}+ \\p{L}+"), "a friendly two-word name: " + given);
            assertTrue(names.add(given), "names are unique: " + given);
        }
        WsClient nameless = server.client();
        nameless.send(new JsonObject().put("type", "join").put("pin", generatedPin));
        assertTrue(names.add(nameless.await("joined").getString("name")));
    }

    @Test
    void aTenThousandCharacterNameIsOverTheFrameLimitAndClosesTheSocketWith1009() {
        WsClient vandal = server.client();
        vandal.sendRaw(new JsonObject().put("type", "join").put("pin", game.pin).put("name", "A".repeat(10_000))
                .encode());
        assertEquals((short) 1009, vandal.awaitClose(), "a frame over QUIZROOM_MAX_MESSAGE_BYTES closes the socket");
        // The room is untouched and the server fine: the next phone joins.
        joins("Ana", "Ana");
        assertEquals("Ana", game.host().await("playerJoined").getJsonObject("player").getString("name"));
    }
}
