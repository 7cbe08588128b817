package app.quizroom.hardening;

import app.quizroom.protocol.Codec;
import app.quizroom.protocol.ServerMessage;
import app.quizroom.support.Seeds;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Property: whatever text arrives in a frame, {@link Codec#decode} returns a message or a protocol error for the
 * sender, never throws, and the error it returns can itself be encoded and sent. Inputs are random strings, random
 * JSON built from the protocol's own vocabulary (the 14 types, their fields, wrong value types, deep nesting, huge
 * numbers, long strings, duplicate keys) and mutations of valid messages (truncation, byte flips, insertions).
 * Seeded: a failure prints the seed of the case; {@code -Dquizroom.seed=...} replays the run.
 */
class DecoderFuzzTest {

    private static final List<String> TYPES = List.of("join", "rejoin", "answer", "ping", "host", "start", "next",
            "skip", "pause", "resume", "end", "lock", "unlock", "kick");
    private static final List<String> FIELDS = List.of("type", "pin", "name", "seatToken", "hostToken", "question",
            "option", "options", "order", "value", "nonce", "playerId", "time", "lag", "score", "__proto__", "",
            "constructor", "type ", "TYPE");
    private static final Set<String> DECODE_ERRORS = Set.of("bad_json", "bad_message", "unknown_type");
    private static final String PUNCTUATION = "{}[]\":,\\ ";
    /** Frames are at most 4096 bytes on the wire; the decoder is tried well past that. */
    private static final int MAX_TEXT = 12_000;

    @Test
    void theDecoderNeverThrowsAndOnlyReturnsAMessageOrAProtocolError() {
        int cases = Seeds.cases(20_000);
        int ok = Seeds.forEachCase(cases, 0, (seed, master) -> check(input(new SplittableRandom(seed)), seed, master));
        // The generator is meant to reach the decoder's success path too, not only its refusals.
        assertTrue(ok > cases / 20, "only " + ok + " of " + cases + " inputs decoded; the generator is too noisy");
    }

    @Test
    void knownHardInputsAreRefusedCleanly() {
        List<String> hard = List.of("", " ", "null", "true", "0", "\"type\"", "[]", "{}", "{\"type\":null}",
                "{\"type\":\"join\",\"pin\":null}", "{\"type\":\"answer\",\"question\":1e999}",
                "{\"type\":\"answer\",\"question\":-0.0}", "{\"type\":\"answer\",\"question\":2147483648}",
                "{\"type\":\"answer\",\"question\":0,\"value\":NaN}", "{\"type\":\"answer\",\"question\":0,\"options\":[1,[2]]}",
                "{\"type\":\"kick\",\"playerId\":\"1\"}", "{\"type\":\"join\",\"pin\":{\"$gt\":\"\"},\"name\":\"x\"}",
                "{\"type\":\"join\",\"pin\":\"1\",\"name\":\"\\ud800\"}", "\uFEFF{\"type\":\"ping\"}",
                "{\"type\":\"ping\"}\u0000", "{\"type\":\"ping\",\"type\":\"start\"}", "[".repeat(5000),
                "{\"a\":".repeat(3000) + "1" + "}".repeat(3000), "{\"type\":\"" + "x".repeat(5000) + "\"}",
                "{\"type\":\"answer\",\"question\":0,\"value\":" + "9".repeat(5000) + "}",
                "{\"type\":\"answer\",\"question\":0,\"nonce\":\"" + "n".repeat(65) + "\"}",
                "{'type':'ping'}", "{type:ping}", "/* c */{\"type\":\"ping\"}", "{\"type\":\"ping\",}");
        long master = Seeds.master();
        for (String input : hard) {
            check(input, 0, master);
        }
    }

    /** Decodes one input and checks the property; true if it decoded to a message. */
    private static boolean check(String input, long seed, long master) {
        Codec.Decoded decoded;
        try {
            decoded = Codec.decode(input);
        } catch (Throwable t) {
            fail("decode threw " + t + " (case seed " + seed + ", run seed " + master + ") on: " + preview(input), t);
            return false;
        }
        assertNotNull(decoded, () -> "null result for " + preview(input));
        if (decoded instanceof Codec.Ok okMessage) {
            assertNotNull(okMessage.message(), () -> "Ok without a message for " + preview(input));
            return true;
        }
        ServerMessage.Error error = ((Codec.Failed) decoded).error();
        assertTrue(DECODE_ERRORS.contains(error.code()),
                () -> "unexpected code " + error.code() + " (seed " + seed + ") for " + preview(input));
        assertNotNull(error.message());
        assertTrue(error.message().length() <= 300, () -> "error message of " + error.message().length()
                + " characters echoes the input back (seed " + seed + "): " + preview(error.message()));
        String encoded = Codec.encode(error);
        assertTrue(encoded.getBytes(StandardCharsets.UTF_8).length < 1024, () -> "error frame too big: " + encoded);
        return false;
    }

    private static String preview(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "… (" + s.length() + " chars)";
    }

    // ------------------------------------------------------------------ generators

    private static String input(SplittableRandom r) {
        String text = switch (r.nextInt(10)) {
            case 0 -> randomString(r, r.nextInt(64));
            case 1 -> randomString(r, r.nextInt(MAX_TEXT));
            case 2, 3 -> validMessage(r);
            case 4, 5 -> mutate(r, validMessage(r));
            default -> value(r, 0, true);
        };
        return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
    }

    private static String randomString(SplittableRandom r, int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(switch (r.nextInt(6)) {
                case 0 -> (char) r.nextInt(0x20);                  // controls, NUL
                case 1 -> PUNCTUATION.charAt(r.nextInt(PUNCTUATION.length()));
                case 2 -> (char) (0xD800 + r.nextInt(0x800));       // lone surrogates
                case 3 -> (char) r.nextInt(0x10000);                // anything in the BMP
                default -> (char) (0x20 + r.nextInt(0x5f));         // printable ASCII
            });
        }
        return b.toString();
    }

    /** A well-formed client message, with right or wrong field types and extra fields. */
    private static String validMessage(SplittableRandom r) {
        String type = TYPES.get(r.nextInt(TYPES.size()));
        StringBuilder b = new StringBuilder("{\"type\":\"").append(type).append('"');
        switch (type) {
            case "join" -> b.append(",\"pin\":").append(pinValue(r)).append(",\"name\":").append(stringValue(r));
            case "rejoin" -> b.append(",\"pin\":").append(pinValue(r)).append(",\"seatToken\":").append(stringValue(r));
            case "host" -> b.append(",\"pin\":").append(pinValue(r)).append(",\"hostToken\":").append(stringValue(r));
            case "kick" -> b.append(",\"playerId\":").append(r.nextInt(4) == 0 ? value(r, 2, false) : r.nextInt(100));
            case "answer" -> {
                b.append(",\"question\":").append(r.nextInt(4) == 0 ? value(r, 2, false) : r.nextInt(20));
                switch (r.nextInt(5)) {
                    case 0 -> b.append(",\"option\":").append(r.nextInt(8) - 1);
                    case 1 -> b.append(",\"options\":").append(intList(r));
                    case 2 -> b.append(",\"order\":").append(intList(r));
                    case 3 -> b.append(",\"value\":").append(number(r));
                    default -> b.append(",\"option\":").append(value(r, 2, false));
                }
                if (r.nextBoolean()) {
                    b.append(",\"nonce\":").append(stringValue(r));
                }
            }
            default -> {
            }
        }
        int extra = r.nextInt(3);
        for (int i = 0; i < extra; i++) {
            b.append(',').append(quote(FIELDS.get(r.nextInt(FIELDS.size())))).append(':').append(value(r, 1, false));
        }
        return b.append('}').toString();
    }

    private static String pinValue(SplittableRandom r) {
        return r.nextInt(5) == 0 ? value(r, 2, false) : quote(String.format("%06d", r.nextInt(1_000_000)));
    }

    private static String stringValue(SplittableRandom r) {
        return switch (r.nextInt(6)) {
            case 0 -> value(r, 2, false);
            case 1 -> quote(randomString(r, r.nextInt(300)));
            case 2 -> quote("x".repeat(r.nextInt(6000)));
            default -> quote(randomString(r, r.nextInt(12)));
        };
    }

    private static String intList(SplittableRandom r) {
        StringBuilder b = new StringBuilder("[");
        int n = r.nextInt(8);
        for (int i = 0; i < n; i++) {
            b.append(i > 0 ? "," : "").append(r.nextInt(6) == 0 ? value(r, 2, false) : Integer.toString(r.nextInt(9) - 1));
        }
        return b.append(']').toString();
    }

    private static String number(SplittableRandom r) {
        return switch (r.nextInt(8)) {
            case 0 -> "1e" + r.nextInt(400);
            case 1 -> "-" + "9".repeat(1 + r.nextInt(60));
            case 2 -> Double.toString(r.nextDouble() * 1e13);
            case 3 -> "0." + "0".repeat(r.nextInt(50)) + "1";
            case 4 -> Long.toString(r.nextLong());
            default -> Integer.toString(r.nextInt());
        };
    }

    /** Any JSON value (sometimes slightly broken when {@code sloppy}). */
    private static String value(SplittableRandom r, int depth, boolean sloppy) {
        int kind = depth > 14 ? r.nextInt(5) : r.nextInt(8);
        String v = switch (kind) {
            case 0 -> "null";
            case 1 -> r.nextBoolean() ? "true" : "false";
            case 2 -> number(r);
            case 3, 4 -> quote(r.nextBoolean() ? TYPES.get(r.nextInt(TYPES.size())) : randomString(r, r.nextInt(20)));
            case 5 -> {
                StringBuilder b = new StringBuilder("[");
                int n = r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    b.append(i > 0 ? "," : "").append(value(r, depth + 1, sloppy));
                }
                yield b.append(']').toString();
            }
            default -> {
                StringBuilder b = new StringBuilder("{");
                int n = r.nextInt(5);
                for (int i = 0; i < n; i++) {
                    String key = r.nextInt(3) == 0 ? "type" : FIELDS.get(r.nextInt(FIELDS.size()));
                    b.append(i > 0 ? "," : "").append(quote(key)).append(':').append(value(r, depth + 1, sloppy));
                }
                yield b.append('}').toString();
            }
        };
        return sloppy && r.nextInt(10) == 0 ? mutate(r, v) : v;
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    private static String mutate(SplittableRandom r, String s) {
        if (s.isEmpty()) {
            return randomString(r, 4);
        }
        StringBuilder b = new StringBuilder(s);
        int edits = 1 + r.nextInt(3);
        for (int i = 0; i < edits && b.length() > 0; i++) {
            int at = r.nextInt(b.length());
            switch (r.nextInt(5)) {
                case 0 -> b.setLength(at);                                       // truncate
                case 1 -> b.setCharAt(at, (char) r.nextInt(0x80));               // flip a character
                case 2 -> b.insert(at, PUNCTUATION.charAt(r.nextInt(PUNCTUATION.length())));
                case 3 -> b.deleteCharAt(at);
                default -> b.insert(at, "\\u" + Integer.toHexString(0xD800 + r.nextInt(0x800))); // escaped surrogate
            }
        }
        return b.toString();
    }
}
