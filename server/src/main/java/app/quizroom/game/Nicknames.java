package app.quizroom.game;

import app.quizroom.config.Limits;
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

    public sealed interface Result {
    }

    /** @param display the name as shown; @param key what uniqueness is checked on */
    public record Valid(String display, String key) implements Result {
    }

    public record Invalid(String message) implements Result {
    }

    private Nicknames() {
    }

    public static Result check(String raw) {
        if (raw == null || raw.isBlank()) {
            return new Invalid("Please type a nickname.");
        }
        if (raw.length() > MAX_RAW_CHARS) {
            return new Invalid("That nickname is too long (at most " + MAX_VISIBLE + " characters).");
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
                    return new Invalid("Nicknames cannot contain control or invisible characters.");
                }
                pendingSpace = folded.length() > 0;
                combiningRun = 0;
                continue;
            }
            switch (category) {
                case Character.CONTROL, Character.FORMAT, Character.PRIVATE_USE, Character.UNASSIGNED,
                        Character.SURROGATE, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> {
                    return new Invalid("Nicknames cannot contain control or invisible characters.");
                }
                case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK -> {
                    if (++combiningRun > MAX_COMBINING_RUN || folded.length() == 0) {
                        return new Invalid("That nickname has too many accents stacked on one letter.");
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
            return new Invalid("Please type a nickname.");
        }
        if (visible > MAX_VISIBLE) {
            return new Invalid("That nickname is too long (at most " + MAX_VISIBLE + " characters).");
        }
        return new Valid(display, key(display));
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
