package app.quizroom.bank.sheet;

/** Something about one row of an imported sheet: why it was not read, or what was changed to read it. */
public record RowProblem(int row, String message) {

    @Override
    public String toString() {
        return "row " + row + ": " + message;
    }
}
