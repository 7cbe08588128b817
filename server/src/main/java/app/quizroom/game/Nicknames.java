package app.quizroom.game;

import app.quizroom.config.Limits;
import app.quizroom.protocol.ErrorCode;

import java.text.BreakIterator;
import java.text.Normalizer;
import java.util.Locale;

/**
 * Nickname rules: NFKC-normalised, trimmed, inner white space folded to one space, 1–20 visible characters, no
 * control, format (zero-width, direction overrides), private-use or unassigned characters, and no pile of
 * combining marks. Two names clash when their {@link Valid#key() keys} are equal (case and spaces ignored).
 */
public final class Nicknames {

    public static final int MAX_VISIBLE = Limits.MAX_NAME_CHARS;
    /** Longer input is refused before any normalisation work. */
    public static final int MAX_RAW_CHARS = 100;
    private static final int MAX_COMBINING_RUN = 2;

    /** A name that passes the rules, or a {@link Refusal} ({@code name_invalid}) saying why not. */
    public sealed interface Result permits Valid, Refusal {
    }

    /** @param display the name as shown; @param key what uniqueness is checked on */
    public record Valid(String display, String key) implements Result {
    }

    private Nicknames() {
    }

    public static Result check(String raw) {
        if (raw == null || raw.isBlank()) {
            return invalid("Please type a nickname.");
        }
        if (raw.length() > MAX_RAW_CHARS) {
            return invalid("That nickname is too long (at most " + MAX_VISIBLE + " characters).");
        }
        String name = Normalizer.normalize(raw, Normalizer.Form.NFKC);
        StringBuilder folded = new StringBuilder(name.length());
        boolean pendingSpace = false;
        int combiningRun = 0;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            i += Character.charCount(cp);
            int category = Character.getType(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                if (cp != ' ' && cp != '\u00a0' && !(category == Character.SPACE_SEPARATOR)) {
                    return invalid("Nicknames cannot contain control or invisible characters.");
                }
                pendingSpace = folded.length() > 0;
                combiningRun = 0;
                continue;
            }
            switch (category) {
                case Character.CONTROL, Character.FORMAT, Character.PRIVATE_USE, Character.UNASSIGNED,
                        Character.SURROGATE, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> {
                    return invalid("Nicknames cannot contain control or invisible characters.");
                }
                case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK -> {
                    if (++combiningRun > MAX_COMBINING_RUN || folded.length() == 0) {
                        return invalid("That nickname has too many accents stacked on one letter.");
                    }
                }
                default -> combiningRun = 0;
            }
            if (pendingSpace) {
                folded.append(' ');
                pendingSpace = false;
            }
            folded.appendCodePoint(cp);
        }
        String display = folded.toString();
        int visible = visibleLength(display);
        if (visible == 0) {
            return invalid("Please type a nickname.");
        }
        if (visible > MAX_VISIBLE) {
            return invalid("That nickname is too long (at most " + MAX_VISIBLE + " characters).");
        }
        return new Valid(display, key(display));
    }

    private static Refusal invalid(String message) {
        return new Refusal(ErrorCode.NAME_INVALID, message);
    }

    /** What two names are compared on: case and spaces ignored. */
    static String key(String display) {
        return display.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT).replace(" ", "");
    }

    /** User-perceived characters (grapheme clusters). */
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
