package app.quizroom.game;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
