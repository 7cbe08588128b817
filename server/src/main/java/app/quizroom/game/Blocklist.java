package app.quizroom.game;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Words refused in nicknames. A name is checked after NFKC normalisation (so mathematical bold or full-width
 * letters become plain ones), case folding, common digit-for-letter swaps, and the removal of everything that is
 * not a letter (so spaces, dots and separators do not hide a word). Most words are refused anywhere in the name;
 * a few short ones that occur inside ordinary names (Dickens, Hancock, Kshitij, Nazir) only as a whole word or
 * the whole name.
 */
public final class Blocklist {

    /** A small default list of English obscenities and slurs; a file can add more. */
    private static final List<String> DEFAULT_ANYWHERE = List.of("fuck", "bullshit", "shithead", "bitch", "bastard",
            "wanker", "twat", "pussy", "slut", "whore", "nigger", "nigga", "faggot", "retard", "asshole", "arsehole",
            "bollocks", "motherf", "dickhead", "cocksucker", "jizz", "porn", "hitler");
    private static final List<String> DEFAULT_WHOLE = List.of("shit", "dick", "cock", "cunt", "tits", "ass", "arse",
            "fag", "piss", "sex", "penis", "vagina", "boobs", "crap", "rape", "nazi");

    private final List<String> anywhere;
    private final List<String> whole;

    private Blocklist(List<String> anywhere, List<String> whole) {
        this.anywhere = List.copyOf(anywhere);
        this.whole = List.copyOf(whole);
    }

    public static Blocklist defaults() {
        return new Blocklist(DEFAULT_ANYWHERE, DEFAULT_WHOLE);
    }

    /**
     * The default list plus a file's words: one a line, {@code #} starts a comment, a word written as
     * {@code =word} is refused only as a whole word.
     */
    public static Blocklist withFile(Path file) throws IOException {
        List<String> anywhere = new ArrayList<>(DEFAULT_ANYWHERE);
        List<String> whole = new ArrayList<>(DEFAULT_WHOLE);
        for (String line : Files.readAllLines(file)) {
            String word = line.strip();
            if (word.isEmpty() || word.startsWith("#")) {
                continue;
            }
            if (word.startsWith("=")) {
                whole.add(fold(word.substring(1)));
            } else {
                anywhere.add(fold(word));
            }
        }
        return new Blocklist(anywhere, whole);
    }

    /** True if the name holds a refused word. */
    public boolean blocks(String name) {
        String collapsed = fold(name);
        for (String word : anywhere) {
            if (!word.isEmpty() && collapsed.contains(word)) {
                return true;
            }
        }
        if (whole.contains(collapsed)) {
            return true;
        }
        for (String token : Normalizer.normalize(name, Normalizer.Form.NFKC).split("[\\s\\p{Punct}_]+")) {
            if (whole.contains(fold(token))) {
                return true;
            }
        }
        return false;
    }

    /** NFKC, case-folded, digits read as the letters they stand in for, everything but letters removed. */
    static String fold(String text) {
        String n = Normalizer.normalize(text, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(n.length());
        for (int i = 0; i < n.length(); ) {
            int cp = n.codePointAt(i);
            i += Character.charCount(cp);
            switch (cp) {
                case '0' -> out.append('o');
                case '1', '!', '|' -> out.append('i');
                case '3' -> out.append('e');
                case '4', '@' -> out.append('a');
                case '5', '$' -> out.append('s');
                case '7' -> out.append('t');
                default -> {
                    if (Character.isLetter(cp)) {
                        out.appendCodePoint(cp);
                    }
                }
            }
        }
        return out.toString();
    }
}
