package app.quizroom.bank;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Every wait is on a future the library completes when it publishes, bounded by a timeout; nothing sleeps. */
class BankLibraryTest {

    /** Long enough that in the watcher tests only the WatchService can be what picked a change up. */
    private static final Duration NO_PERIODIC_RESCAN = Duration.ofHours(1);
    private static final long TIMEOUT_SECONDS = 20;

    @TempDir
    Path dir;

    private final Reports reports = new Reports();
    private BankLibrary library;

    @AfterEach
    void close() {
        if (library != null) {
            library.close();
        }
    }

    @Test
    void theBanksOfTheFolderAreServedInFileNameOrder() throws IOException {
        Files.writeString(dir.resolve("02-b.yaml"), TestBanks.yaml("b", "B"));
        Files.writeString(dir.resolve("01-a.yaml"), TestBanks.yaml("a", "A"));
        Files.writeString(dir.resolve("notes.txt"), "not a bank");
        library = new BankLibrary(dir, reports);
        BankLibrary.Snapshot snapshot = library.rescan();
        assertEquals(List.of("a", "b"), snapshot.banks().stream().map(Bank::id).toList());
        assertEquals(1, snapshot.generation());
        assertSame(snapshot, library.rescan(), "nothing changed, so nothing is published");
    }

    @Test
    void aFileChangedOnDiskIsPickedUpAndAGameKeepsTheBankItStartedWith() throws Exception {
        Files.writeString(dir.resolve("a.yaml"), TestBanks.yaml("a", "Before"));
        watch();
        Bank started = library.current().bank("a").orElseThrow();

        Files.writeString(dir.resolve("a.yaml"), TestBanks.yaml("a", "After"));
        BankLibrary.Snapshot after = await(s -> s.bank("a").map(b -> b.title().equals("After")).orElse(false));
        assertEquals("Before", started.title(), "the game's bank is the object it started with");
        assertEquals(List.of("After"), after.banks().stream().map(Bank::title).toList());
    }

    @Test
    void aBrokenEditLeavesTheOldVersionInServiceAndReportsItsProblems() throws Exception {
        Files.writeString(dir.resolve("a.yaml"), TestBanks.yaml("a", "Good"));
        watch();
        Bank good = library.current().bank("a").orElseThrow();

        Files.writeString(dir.resolve("a.yaml"), TestBanks.yaml("a", "Broken").replace("answer: \"Stalin\"", "answer: \"Lenin\""));
        Reports.Rejection rejection = reports.rejected.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertEquals(dir.resolve("a.yaml").toString(), rejection.file());
        assertEquals(List.of(dir.resolve("a.yaml") + ":10: answer 'Lenin' is not among the options"),
                rejection.problems().stream().map(Object::toString).toList());
        assertSame(good, rejection.kept());
        assertSame(good, library.current().bank("a").orElseThrow());
    }

    @Test
    void aNewValidFileAppears() throws Exception {
        Files.writeString(dir.resolve("a.yaml"), TestBanks.yaml("a", "A"));
        watch();
        Files.writeString(dir.resolve("b.yaml"), TestBanks.yaml("b", "B"));
        BankLibrary.Snapshot snapshot = await(s -> s.bank("b").isPresent());
        assertEquals(List.of("a", "b"), snapshot.banks().stream().map(Bank::id).toList());
    }

    @Test
    void aDeletedFileDisappears() throws Exception {
        Files.writeString(dir.resolve("a.yaml"), TestBanks.yaml("a", "A"));
        Files.writeString(dir.resolve("b.yaml"), TestBanks.yaml("b", "B"));
        watch();
        Files.delete(dir.resolve("a.yaml"));
        BankLibrary.Snapshot snapshot = await(s -> s.bank("a").isEmpty());
        assertEquals(List.of("b"), snapshot.banks().stream().map(Bank::id).toList());
        assertEquals("a", reports.removed.get(TIMEOUT_SECONDS, TimeUnit.SECONDS).id());
    }

    @Test
    void aSaveFromTheEditorIsPickedUp() throws Exception {
        watch();
        BankFolder folder = new BankFolder(dir);
        folder.save("a.yaml", TestBanks.draft("a", "Saved"), BankFolder.NO_FILE);
        assertEquals("Saved", await(s -> s.bank("a").isPresent()).bank("a").orElseThrow().title());
        assertEquals(1, library.current().banks().size(), "the editor's temporary file was never taken for a bank");
    }

    @Test
    void thePeriodicRescanPicksUpWhatTheWatchServiceMissed() throws Exception {
        library = new BankLibrary(dir, reports);
        library.watch(Duration.ofMillis(50), false);
        Files.writeString(dir.resolve("a.yaml"), TestBanks.yaml("a", "Polled"));
        assertEquals("Polled", await(s -> s.bank("a").isPresent()).bank("a").orElseThrow().title());
    }

    @Test
    void aBankWhosePictureArrivesLaterIsServedThen() throws Exception {
        String withPicture = TestBanks.yaml("a", "Picture").replace("    answer:", "    image: map.png\n    imageAlt: \"A map\"\n    answer:");
        Files.writeString(dir.resolve("a.yaml"), withPicture);
        library = new BankLibrary(dir, reports);
        library.rescan();
        assertEquals(List.of(dir.resolve("a.yaml") + ":10: image 'map.png' was not found beside the bank"),
                reports.rejected.getNow(null).problems().stream().map(Object::toString).toList());
        Files.write(dir.resolve("map.png"), TestBanks.PNG);
        assertEquals(List.of("a"), library.rescan().banks().stream().map(Bank::id).toList());
    }

    @Test
    void aSecondFileWithATakenIdIsReportedAndNotServed() throws IOException {
        Files.writeString(dir.resolve("01-first.yaml"), TestBanks.yaml("same", "First"));
        Files.writeString(dir.resolve("02-second.yaml"), TestBanks.yaml("same", "Second"));
        library = new BankLibrary(dir, reports);
        assertEquals(List.of("First"), library.rescan().banks().stream().map(Bank::title).toList());
        assertEquals(List.of(dir.resolve("02-second.yaml") + ":1: bank id 'same' is already used by 01-first.yaml"),
                reports.rejected.getNow(null).problems().stream().map(Object::toString).toList());
        Files.delete(dir.resolve("01-first.yaml"));
        assertEquals(List.of("Second"), library.rescan().banks().stream().map(Bank::title).toList());
    }

    private void watch() {
        library = new BankLibrary(dir, reports);
        library.watch(NO_PERIODIC_RESCAN);
    }

    private BankLibrary.Snapshot await(Predicate<BankLibrary.Snapshot> condition) throws Exception {
        return library.when(condition).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /** The first report of each kind, as futures to wait on. */
    private static final class Reports implements BankLibrary.Listener {
        record Rejection(String file, List<BankProblem> problems, Bank kept) {
        }

        final CompletableFuture<Rejection> rejected = new CompletableFuture<>();
        final CompletableFuture<Bank> removed = new CompletableFuture<>();

        @Override
        public void rejected(String file, List<BankProblem> problems, Bank kept) {
            rejected.complete(new Rejection(file, problems, kept));
        }

        @Override
        public void removed(String file, Bank bank) {
            removed.complete(bank);
        }
    }
}
