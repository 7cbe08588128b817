package app.quizroom.bank.sheet;

/** A file that cannot be imported at all; the message says why, in words for the teacher who uploaded it. */
public final class SheetException extends Exception {

    public SheetException(String message) {
        super(message);
    }
}
