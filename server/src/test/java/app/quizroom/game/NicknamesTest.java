package app.quizroom.game;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class NicknamesTest {

    private static Nicknames.Valid valid(String raw) {
        return assertInstanceOf(Nicknames.Valid.class, Nicknames.check(raw), raw);
    }

    private static void invalid(String raw) {
        assertInstanceOf(Refusal.class, Nicknames.check(raw), raw);
    }

    @Test
    void namesAreTrimmedAndInnerSpacesFolded() {
        assertEquals("Ana Maria", valid("   Ana    Maria  ").display());
    }

    @Test
    void fullWidthAndStyledLettersAreNormalised() {
        assertEquals("Ana", valid("Ａｎａ").display());
        assertEquals(valid("ana").key(), valid("𝐀𝐍𝐀").key());
    }

    @Test
    void clashKeyIgnoresCaseAndSpaces() {
        assertEquals(valid("Ana Maria").key(), valid("ANAMARIA").key());
        assertEquals(valid("Straße").key(), valid("STRASSE").key());
    }

    @Test
    void nonLatinNamesAreWelcome() {
        assertEquals("Дмитрий", valid("Дмитрий").display());
        assertEquals("José", valid("Jose\u0301").display());
    }

    @Test
    void emptyBlankAndTooLongNamesAreRefused() {
        invalid(null);
        invalid("");
        invalid("    ");
        valid("a".repeat(20));
        invalid("a".repeat(21));
        invalid("a".repeat(10_000));
    }

    @Test
    void controlAndInvisibleCharactersAreRefused() {
        invalid("Ana\u200bMaria");   // zero-width space
        invalid("Ana\u202eairaM");   // right-to-left override
        invalid("Ana\u0007");        // bell
        invalid("Ana\nMaria");
        invalid("Ana\uE000");        // private use
    }

    @Test
    void stackedCombiningMarksAreRefused() {
        invalid("a" + "\u0301".repeat(200));
        invalid("\u0301abc");
    }

    @Test
    void emojiSequencesAreOneCharacterEachAndTheirJoinersAreAllowed() {
        assertEquals("👩‍💻 Ben", valid("👩‍💻 Ben").display());
        valid("❤️‍🔥 Ana");
        valid("🏳️‍🌈");
        valid("👩🏽‍💻");
        valid("1️⃣ Ana");
        valid("🏴󠁧󠁢󠁥󠁮󠁧󠁿 Fan");
        assertEquals(1, Nicknames.visibleLength("👨‍👩‍👧‍👦"));
        assertEquals(1, Nicknames.visibleLength("🇺🇦"));
        assertEquals(1, Nicknames.visibleLength("👍🏽"));
        valid("🇺🇦👍🏽" + "a".repeat(18));
        invalid("🇺🇦👍🏽" + "a".repeat(19));
        valid("🫠 Ana"); // Unicode 14: unassigned in Java 17's own tables
    }

    @Test
    void joinersAndSelectorsOutsideEmojiAreRefused() {
        invalid("Ana\u200d");
        invalid("Ana\u200dBen");
        invalid("\u200d👩");
        invalid("Bob\ufe0f");
        invalid("Bob\udb40\udc67"); // a tag character without a flag
    }

    @Test
    void defaultIgnorableAndBlankCharactersAreRefused() {
        for (String filler : new String[] {"\u034f", "\u17b4", "\u17b5", "\u115f", "\u1160", "\u3164", "\uffa0",
                "\u2800", "\u180e", "\u2062", "\ud834\udd59"}) {
            assertEquals(Nicknames.INVISIBLE, refusal("Bob" + filler), filler);
            assertEquals(Nicknames.INVISIBLE, refusal(filler), filler);
        }
    }

    @Test
    void aNameNeedsALetterADigitOrAnEmoji() {
        assertEquals(Nicknames.NOTHING_VISIBLE, refusal("!!!"));
        assertEquals(Nicknames.NOTHING_VISIBLE, refusal("-- .."));
        valid("7");
        valid("🦊");
        valid("🇺🇦");
    }

    @Test
    void lookAlikeLettersShareAForm() {
        assertShareAForm("Ann", "\u0410nn");      // Cyrillic capital A
        assertShareAForm("Ann", "\u0391\u039d\u039d"); // Greek capitals, by case
        assertShareAForm("Ian", "ian");
        assertShareAForm("Teacher", "\u0442e\u0430cher");
    }

    private static void assertShareAForm(String a, String b) {
        Set<String> forms = new HashSet<>(Confusables.forms(valid(a).key()));
        forms.retainAll(Confusables.forms(valid(b).key()));
        assertFalse(forms.isEmpty(), a + " and " + b);
    }

    private static String refusal(String raw) {
        return assertInstanceOf(Refusal.class, Nicknames.check(raw), raw).message();
    }
}
