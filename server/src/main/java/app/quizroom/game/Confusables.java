package app.quizroom.game;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.SpoofChecker;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Look-alike letters, read from Unicode's confusables data through ICU4J's {@link SpoofChecker} (UTS #39
 * skeletons), never from a table of our own: Cyrillic {@code а} and Greek {@code Α} have the skeleton of Latin
 * {@code a}, so {@code Аnn} and {@code Ann} are one name. Thread-safe: a built SpoofChecker only reads its data.
 */
final class Confusables {

    private static final SpoofChecker SPOOF = new SpoofChecker.Builder().build();

    private Confusables() {
    }

    /**
     * Every form a name is compared on: its case-folded key and the UTS #39 skeletons of that key in lower and in
     * upper case. Skeletons keep case (Greek {@code ν} is a {@code v}, its capital {@code Ν} an {@code N}), so both
     * cases are taken; two names clash when they share any form.
     *
     * @param key a name already case-folded with its spaces removed ({@link Nicknames#key})
     */
    static Set<String> forms(String key) {
        Set<String> forms = new LinkedHashSet<>(3);
        forms.add(key);
        forms.add(fold(SPOOF.getSkeleton(key)));
        forms.add(fold(SPOOF.getSkeleton(key.toUpperCase(Locale.ROOT))));
        return forms;
    }

    /**
     * The skeleton of each code point that is not ASCII, ASCII left as typed, in lower case (path {@code upper}
     * false) or upper case (true) before the skeleton is taken. The blocklist reads names this way: a Cyrillic
     * {@code с} in "fuсk" becomes a {@code c}, while ASCII letters are not merged with each other ({@code m} is
     * confusable with {@code rn}, and "Pompey" must not read as holding "porn").
     */
    static String nonAsciiSkeleton(String lowerCase, boolean upper) {
        StringBuilder out = new StringBuilder(lowerCase.length());
        for (int i = 0; i < lowerCase.length(); ) {
            int cp = lowerCase.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x80) {
                out.appendCodePoint(cp);
            } else {
                String one = new String(Character.toChars(upper ? UCharacter.toUpperCase(cp) : cp));
                out.append(fold(SPOOF.getSkeleton(one)));
            }
        }
        return out.toString();
    }

    private static String fold(String s) {
        return UCharacter.foldCase(s, true);
    }
}
