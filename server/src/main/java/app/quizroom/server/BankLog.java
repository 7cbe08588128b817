package app.quizroom.server;

import app.quizroom.bank.Bank;
import app.quizroom.bank.BankLibrary;
import app.quizroom.bank.BankProblem;
import app.quizroom.bank.FairnessCheck;

import java.lang.System.Logger.Level;
import java.util.List;

/**
 * Writes what the bank library finds to the server's log: each bank served, with its fairness warnings, and each
 * problem of a file that cannot be served as {@code file:line: message}, so that a teacher editing a bank by hand
 * sees where it went wrong and knows that the last good version stays in service.
 */
final class BankLog implements BankLibrary.Listener {

    private static final System.Logger LOG = System.getLogger(BankLog.class.getName());

    @Override
    public void loaded(Bank bank) {
        LOG.log(Level.INFO, "bank " + bank.id() + ": " + bank.questions().size() + " questions (" + bank.file() + ")");
        FairnessCheck.check(bank, List.of()).forEach(w -> LOG.log(Level.WARNING, w.toString()));
    }

    @Override
    public void rejected(String file, List<BankProblem> problems, Bank kept) {
        problems.forEach(p -> LOG.log(Level.WARNING, p.toString()));
        LOG.log(Level.WARNING, file + (kept == null ? " is not served until it is fixed"
                : " is not served as it is now; its last good version (bank " + kept.id() + ") stays in service"));
    }

    @Override
    public void removed(String file, Bank bank) {
        LOG.log(Level.INFO, "bank " + bank.id() + " is no longer offered: " + file + " was removed");
    }
}
