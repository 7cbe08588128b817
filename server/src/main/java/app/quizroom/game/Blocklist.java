package app.quizroom.game;

import com.ibm.icu.lang.UCharacter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Words refused in nicknames. A name is checked after NFKC normalisation (so mathematical bold or full-width
 * letters become plain ones), case folding, common digit-for-letter swaps, the Unicode confusable skeleton of every
 * letter that is not ASCII (so a Cyrillic {@code с} or Greek {@code ο} reads as its Latin look-alike, in lower and
 * in upper case, through {@link Confusables}), and the removal of everything that is not a letter (so spaces, dots,
 * separators and accents do not hide a word). Most words are refused anywhere in the name; a few short ones that
 * occur inside ordinary names (Dickens, Hancock, Kshitij, Nazir) only as a whole word or the whole name. Names that
 * impersonate the teacher or the game ({@link ReservedNames}) are refused too.
 */
public final class Blocklist {

    /** A small default list of English obscenities and slurs; a file can add more. */
    private static final List<String> DEFAULT_ANYWHERE = List.of("fuck", "bullshit", "shithead", "bitch", "bastard",
            "wanker", "twat", "pussy", "slut", "whore", "nigger", "nigga", "faggot", "retard", "asshole", "arsehole",
            "bollocks", "motherf", "dickhead", "cocksucker", "jizz", "porn", "hitler");
    private static final List<String> DEFAULT_WHOLE = List.of("shit", "dick", "cock", "cunt", "tits", "ass", "arse",
            "fag", "piss", "sex", "penis", "vagina", "boobs", "crap", "rape", "nazi");

    /** Each word folded on both paths of {@link #folds}: index 0 lower case, 1 upper case. */
    static {
        // ICU4J loads its Unicode data (confusables, grapheme rules) on first use, a few hundred milliseconds: do it
        // here, when the server builds its blocklist at start-up, rather than on a room's event loop at the first join.
        Nicknames.check("Ready 👍🏽");
        ReservedNames.reserved("Ready");
    }

    private final List<String[]> anywhere;
    private final List<String[]> whole;

    private Blocklist(List<String> anywhere, List<String> whole) {
        this.anywhere = anywhere.stream().map(Blocklist::folds).toList();
        this.whole = whole.stream().map(Blocklist::folds).toList();
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
                whole.add(word.substring(1));
            } else {
                anywhere.add(word);
            }
        }
        return new Blocklist(anywhere, whole);
    }

    /** True if the name holds a refused word, or stands for the teacher or the game. */
    public boolean blocks(String name) {
        if (ReservedNames.reserved(Normalizer.normalize(name, Normalizer.Form.NFKC))) {
            return true;
        }
        String[] collapsed = folds(name);
        for (String[] word : anywhere) {
            if (contains(collapsed, word)) {
                return true;
            }
        }
        if (anyEqual(whole, collapsed)) {
            return true;
        }
        for (String token : Normalizer.normalize(name, Normalizer.Form.NFKC).split("[\\s\\p{Punct}_]+")) {
            if (anyEqual(whole, folds(token))) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(String[] name, String[] word) {
        for (int path = 0; path < 2; path++) {
            if (!word[path].isEmpty() && name[path].contains(word[path])) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyEqual(List<String[]> words, String[] text) {
        for (String[] word : words) {
            if (word[0].equals(text[0]) || word[1].equals(text[1])) {
                return true;
            }
        }
        return false;
    }

    /**
     * The text as the list is matched against, on two paths (the skeleton of a letter in lower case, and in upper
     * case): NFKC, case-folded, digits and symbols read as the letters they stand in for, look-alike letters read as
     * Latin ones, everything but letters removed.
     */
    static String[] folds(String text) {
        String n = Normalizer.normalize(text, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        StringBuilder swapped = new StringBuilder(n.length());
        for (int i = 0; i < n.length(); ) {
            int cp = n.codePointAt(i);
            i += Character.charCount(cp);
            switch (cp) {
                case '0' -> swapped.append('o');
                case '1', '!', '|' -> swapped.append('i');
                case '3' -> swapped.append('e');
                case '4', '@' -> swapped.append('a');
                case '5', '$' -> swapped.append('s');
                case '7' -> swapped.append('t');
                default -> swapped.appendCodePoint(cp);
            }
        }
        return new String[] {lettersOf(Confusables.nonAsciiSkeleton(swapped.toString(), false)),
                lettersOf(Confusables.nonAsciiSkeleton(swapped.toString(), true))};
    }

    private static String lettersOf(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().filter(UCharacter::isLetter).forEach(out::appendCodePoint);
        return out.toString();
    }
}
