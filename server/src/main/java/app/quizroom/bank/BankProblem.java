package app.quizroom.bank;

/** One thing wrong with a bank file, printed as {@code file:line: message}. */
public record BankProblem(String file, int line, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }
}
