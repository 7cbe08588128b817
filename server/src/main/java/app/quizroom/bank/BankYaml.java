package app.quizroom.bank;

import java.util.ArrayList;
import java.util.List;

/**
 * The bank editor's view of the YAML format: read a bank file into a {@link BankDraft}, write a draft back in the
 * bundled banks' layout, and check a draft with the very validator the server loads banks with (the draft is
 * written, then parsed, so a problem's line is the line it will have in the saved file).
 *
 * <p>A bundled bank read and written back is byte-identical; questions/README.md lists what other files may
 * have normalised (comments dropped, free text double-quoted, and so on).
 */
public final class BankYaml {

    /**
     * A bank file read for editing.
     *
     * @param draft    everything the model can hold; null only when the text is not YAML at all
     * @param problems what the loader reports for the file as it is (empty for a valid bank)
     */
    public record Read(BankDraft draft, List<BankProblem> problems) {
        public Read {
            problems = List.copyOf(problems);
        }
    }

    /**
     * A draft checked as it would be saved.
     *
     * @param yaml          the file the draft becomes
     * @param bank          the bank it loads as, or null if it has problems
     * @param problems      errors, each with its line in {@code yaml}
     * @param warnings      fairness warnings of a valid bank (they do not stop it from loading)
     * @param questionLines the line in {@code yaml} where each question starts, in order: a problem belongs to the
     *                      last question starting at or before its line, or to the bank if none does
     */
    public record Check(String yaml, Bank bank, List<BankProblem> problems, List<BankProblem> warnings,
                        List<Integer> questionLines) {
        public Check {
            problems = List.copyOf(problems);
            warnings = List.copyOf(warnings);
            questionLines = List.copyOf(questionLines);
        }

        public boolean valid() {
            return bank != null;
        }

        /** The index of the question a problem's line falls in, or -1 for the bank's own fields. */
        public int questionIndexOf(BankProblem problem) {
            int index = -1;
            for (int i = 0; i < questionLines.size() && questionLines.get(i) <= problem.line(); i++) {
                index = i;
            }
            return index;
        }
    }

    private BankYaml() {
    }

    /** The YAML text of a draft, whether or not it is valid. */
    public static String write(BankDraft draft) {
        return BankYamlWriter.write(draft);
    }

    /**
     * Reads bank text for editing.
     *
     * @param name   the file name used in problem reports
     * @param images where the bank's pictures are, to check its {@code image} fields
     */
    public static Read read(String name, String content, BankImages images) {
        List<BankProblem> problems = new ArrayList<>();
        BankLoader.parse(name, content, images, problems);
        try {
            return new Read(DraftReader.read(YamlTree.parse(name, content, new ArrayList<>())), problems);
        } catch (YamlTree.YamlException e) {
            return new Read(null, problems);
        }
    }

    /** Checks a draft as the server would load it once saved under {@code name} beside {@code images}. */
    public static Check check(BankDraft draft, String name, BankImages images) {
        String yaml = write(draft);
        List<BankProblem> problems = new ArrayList<>();
        Bank bank = BankLoader.parse(name, yaml, images, problems);
        List<BankProblem> warnings = bank == null ? List.of() : FairnessCheck.check(bank, List.of());
        List<Integer> questionLines = new ArrayList<>();
        String[] lines = yaml.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith("  - ")) {
                questionLines.add(i + 1);
            }
        }
        return new Check(yaml, bank, problems, warnings, questionLines);
    }
}
