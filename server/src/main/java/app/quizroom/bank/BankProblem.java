package app.quizroom.bank;

/**
 * One thing wrong with a bank file, printed as {@code file:line: message}. A warning ({@code file:line: warning:
 * message}) points at something unfair or hard to read in a valid bank: the bank still loads.
 */
public record BankProblem(String file, int line, String message, boolean warning) {

    public BankProblem(String file, int line, String message) {
        this(file, line, message, false);
    }

    static BankProblem warning(String file, int line, String message) {
        return new BankProblem(file, line, message, true);
    }

    @Override
    public String toString() {
        return file + ":" + line + ": " + (warning ? "warning: " : "") + message;
    }
}
