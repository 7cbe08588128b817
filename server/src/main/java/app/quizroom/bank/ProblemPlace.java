package app.quizroom.bank;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where in a {@link BankDraft} a problem of a {@link BankYaml.Check} belongs, so the editor can show it next to its
 * field: found from the problem's line in the YAML the draft became, whose layout {@link BankYamlWriter} fixes.
 *
 * @param question the question's index, or -1 for the bank's own fields
 * @param field    the draft's field ({@code prompt}, {@code options}, {@code answer}, {@code title}, ...), or null
 *                 when the problem is about the question (or bank) as a whole
 * @param option   the option's index when the problem is on one option, else null
 */
public record ProblemPlace(int question, String field, Integer option) {

    private static final Pattern BANK_KEY = Pattern.compile("^([A-Za-z]+):");
    private static final Pattern QUESTION_KEY = Pattern.compile("^(?:  - |    )([A-Za-z]+):");
    private static final String OPTION_START = "      - ";
    /** How the loader says a key is absent: the problem is then on the map's first line, but it is that key's. */
    private static final Pattern MISSING = Pattern.compile("^missing '([A-Za-z]+)'");

    /** The place of {@code problem}, a problem or warning of {@code check}. */
    public static ProblemPlace of(BankYaml.Check check, BankProblem problem) {
        int question = check.questionIndexOf(problem);
        Matcher missing = MISSING.matcher(problem.message());
        if (missing.find() && !missing.group(1).equals("questions")) {
            String key = missing.group(1);
            return new ProblemPlace(question, key.equals("items") ? "options" : key, null);
        }
        String[] lines = check.yaml().split("\n", -1);
        int at = problem.line() - 1;
        if (at < 0 || at >= lines.length) {
            return new ProblemPlace(question, null, null);
        }
        if (question < 0) {
            Matcher bank = BANK_KEY.matcher(lines[at]);
            return new ProblemPlace(-1, bank.find() && !bank.group(1).equals("questions") ? bank.group(1) : null, null);
        }
        // An option's line, or the explanation line under it: count the options from the list's key down.
        int options = 0;
        for (int i = at; i >= 0; i--) {
            if (lines[i].startsWith(OPTION_START)) {
                options++;
            } else if (!lines[i].startsWith("        ")) {
                Matcher key = QUESTION_KEY.matcher(lines[i]);
                String field = key.find() ? key.group(1) : null;
                if (i < at && options > 0) {
                    return new ProblemPlace(question, "options", options - 1);
                }
                if (field == null || field.equals("id") && (problem.warning() || lines[i].startsWith("  - "))
                        && !problem.message().contains("id")) {
                    return new ProblemPlace(question, null, null);
                }
                return new ProblemPlace(question, field.equals("items") ? "options" : field, null);
            }
        }
        return new ProblemPlace(question, null, null);
    }
}
