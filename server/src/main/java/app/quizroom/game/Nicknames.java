package app.quizroom.game;

import app.quizroom.config.Limits;
import app.quizroom.protocol.ErrorCode;
import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.text.Normalizer2;

import java.util.Locale;
import java.util.Set;

/**
 * Nickname rules: NFKC-normalised, trimmed, inner white space folded to one space, 1–20 visible characters
 * (extended grapheme clusters: a flag, a skin-toned or a ZWJ emoji is one), at least one letter, digit or emoji;
 * no control, format, private-use, unassigned or default-ignorable characters (zero-width, direction overrides,
 * fillers) except the joiners and selectors inside an emoji sequence, no blank-looking symbols, and no pile of
 * combining marks. Two names clash when they share a {@link Confusables#forms form}: equal ignoring case and
 * spaces, or with the same Unicode confusable skeleton. The Unicode data is ICU4J's (Unicode 17): Java 17's own
 * tables are Unicode 13, where newer emoji are unassigned and its BreakIterator splits emoji sequences.
 */
public final class Nicknames {

    public static final int MAX_VISIBLE = Limits.MAX_NAME_CHARS;
    /** Longer input is refused before any normalisation work. */
    public static final int MAX_RAW_CHARS = 100;
    private static final int MAX_COMBINING_RUN = 2;

    static final String EMPTY = "Please type a nickname.";
    static final String TOO_LONG = "That nickname is too long (at most " + MAX_VISIBLE + " characters).";
    static final String INVISIBLE = "Nicknames cannot contain control or invisible characters.";
    static final String STACKED = "That nickname has too many accents stacked on one letter.";
    static final String NOTHING_VISIBLE = "A nickname needs at least one letter, digit or emoji.";

    private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();
    private static final int ZWJ = 0x200D;
    private static final int BLACK_FLAG = 0x1F3F4;
    /**
     * Symbols that draw nothing but are not Default_Ignorable in Unicode, so no property finds them: the Braille
     * blank, the musical null notehead and the Khitan filler. (The Hangul fillers U+115F, U+1160, U+3164 and U+FFA0
     * are default-ignorable and refused as such.)
     */
    private static final Set<Integer> BLANK_GLYPHS = Set.of(0x2800, 0x1D159, 0x16FE4);

    /** A name that passes the rules, or a {@link Refusal} ({@code name_invalid}) saying why not. */
    public sealed interface Result permits Valid, Refusal {
    }

    /** @param display the name as shown; @param key what uniqueness is checked on (with its look-alike forms) */
    public record Valid(String display, String key) implements Result {
    }

    private Nicknames() {
    }

    public static Result check(String raw) {
        if (raw == null || raw.isBlank()) {
            return invalid(EMPTY);
        }
        if (raw.length() > MAX_RAW_CHARS) {
            return invalid(TOO_LONG);
        }
        String name = NFKC.normalize(raw);
        StringBuilder folded = new StringBuilder(name.length());
        boolean pendingSpace = false;
        boolean visible = false;
        int combiningRun = 0;
        int previous = -1;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            i += Character.charCount(cp);
            int next = i < name.length() ? name.codePointAt(i) : -1;
            int category = UCharacter.getType(cp);
            if (UCharacter.isWhitespace(cp) || UCharacter.isSpaceChar(cp)) {
                if (category != UCharacterCategory.SPACE_SEPARATOR) {
                    return invalid(INVISIBLE);
                }
                pendingSpace = folded.length() > 0;
                combiningRun = 0;
                previous = ' ';
                continue;
            }
            if (invisible(cp, category, previous, next)) {
                return invalid(INVISIBLE);
            }
            switch (category) {
                case UCharacterCategory.NON_SPACING_MARK, UCharacterCategory.ENCLOSING_MARK,
                        UCharacterCategory.COMBINING_SPACING_MARK -> {
                    if (!emojiPart(cp) && (++combiningRun > MAX_COMBINING_RUN || folded.length() == 0)) {
                        return invalid(STACKED);
                    }
                }
                default -> combiningRun = 0;
            }
            visible |= letterDigitOrEmoji(cp, category);
            if (pendingSpace) {
                folded.append(' ');
                pendingSpace = false;
            }
            folded.appendCodePoint(cp);
            previous = cp;
        }
        String display = folded.toString();
        if (display.isEmpty()) {
            return invalid(EMPTY);
        }
        if (!visible) {
            return invalid(NOTHING_VISIBLE);
        }
        if (visibleLength(display) > MAX_VISIBLE) {
            return invalid(TOO_LONG);
        }
        return new Valid(display, key(display));
    }

    /**
     * Characters a reader cannot see: controls, format characters, private use, unassigned code points, and every
     * default-ignorable code point, except the three an emoji sequence is built with (a zero-width joiner between
     * two pictographs, a variation selector after an emoji, the tags of a subdivision flag).
     */
    private static boolean invisible(int cp, int category, int previous, int next) {
        if (emojiJoin(cp, previous, next)) {
            return false;
        }
        if (BLANK_GLYPHS.contains(cp) || UCharacter.hasBinaryProperty(cp, UProperty.DEFAULT_IGNORABLE_CODE_POINT)) {
            return true;
        }
        return switch (category) {
            case UCharacterCategory.CONTROL, UCharacterCategory.FORMAT, UCharacterCategory.PRIVATE_USE,
                    UCharacterCategory.UNASSIGNED, UCharacterCategory.SURROGATE, UCharacterCategory.LINE_SEPARATOR,
                    UCharacterCategory.PARAGRAPH_SEPARATOR -> true;
            default -> false;
        };
    }

    private static boolean emojiJoin(int cp, int previous, int next) {
        if (cp == ZWJ) {
            return (pictograph(previous) || emojiPart(previous)) && pictograph(next);
        }
        if (cp == 0xFE0E || cp == 0xFE0F) {
            return previous != -1 && UCharacter.hasBinaryProperty(previous, UProperty.EMOJI);
        }
        if (cp >= 0xE0020 && cp <= 0xE007F) {
            return previous == BLACK_FLAG || previous >= 0xE0020 && previous <= 0xE007E;
        }
        return false;
    }

    /** Skin tones, variation selectors and the keycap mark: parts of an emoji, not accents. */
    private static boolean emojiPart(int cp) {
        return cp == 0xFE0F || cp == 0x20E3 || UCharacter.hasBinaryProperty(cp, UProperty.EMOJI_MODIFIER);
    }

    private static boolean pictograph(int cp) {
        return cp != -1 && UCharacter.hasBinaryProperty(cp, UProperty.EXTENDED_PICTOGRAPHIC);
    }

    private static boolean letterDigitOrEmoji(int cp, int category) {
        return switch (category) {
            case UCharacterCategory.UPPERCASE_LETTER, UCharacterCategory.LOWERCASE_LETTER,
                    UCharacterCategory.TITLECASE_LETTER, UCharacterCategory.MODIFIER_LETTER,
                    UCharacterCategory.OTHER_LETTER, UCharacterCategory.DECIMAL_DIGIT_NUMBER,
                    UCharacterCategory.LETTER_NUMBER, UCharacterCategory.OTHER_NUMBER -> true;
            default -> pictograph(cp) || UCharacter.hasBinaryProperty(cp, UProperty.REGIONAL_INDICATOR);
        };
    }

    private static Refusal invalid(String message) {
        return new Refusal(ErrorCode.NAME_INVALID, message);
    }

    /** What two names are compared on: case and spaces ignored (and, through {@link Confusables}, look-alikes). */
    static String key(String display) {
        return display.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT).replace(" ", "");
    }

    /** User-perceived characters: Unicode extended grapheme clusters, as ICU4J counts them. */
    static int visibleLength(String s) {
        BreakIterator it = BreakIterator.getCharacterInstance(Locale.ROOT);
        it.setText(s);
        int count = 0;
        while (it.next() != BreakIterator.DONE) {
            count++;
        }
        return count;
    }
}
