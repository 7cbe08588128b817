package app.quizroom.bank;

/**
 * One thing wrong with a bank file, printed as {@code file:line: message}. A warning ({@code file:line: warning:
 * message}) points at something unfair or hard to read in a valid bank: the bank still loads. {@code countsFor}
 * is how many problems the line stands for (more than one only on the line that ends a capped list).
 */
public record BankProblem(String file, int line, String message, boolean warning, int countsFor) {

    public BankProblem(String file, int line, String message) {
        this(file, line, message, false, 1);
    }

    static BankProblem warning(String file, int line, String message) {
        return new BankProblem(file, line, message, true, 1);
    }

    /** The line that stands for {@code hidden} problems left unprinted in one file. */
    static BankProblem more(String file, int line, int hidden) {
        return new BankProblem(file, line, "and " + hidden + " more problem(s) in this file", false, hidden);
    }

    @Override
    public String toString() {
        return file + ":" + line + ": " + (warning ? "warning: " : "") + message;
    }
}
