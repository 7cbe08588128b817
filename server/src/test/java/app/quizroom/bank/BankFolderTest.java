package app.quizroom.bank;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BankFolderTest {

    private static final Instant T0 = Instant.parse("2026-11-30T09:15:00.250Z");

    @TempDir
    Path dir;

    private BankFolder folder;

    @BeforeEach
    void setUp() {
        folder = new BankFolder(dir, Clock.fixed(T0, ZoneOffset.UTC));
    }

    @Test
    void savingWritesTheBankAndKeepsTheVersionItReplaces() throws IOException {
        BankFolder.Saved first = saved(folder.save("a.yaml", TestBanks.draft("a", "First"), BankFolder.NO_FILE));
        assertNull(first.backup());
        assertEquals(TestBanks.yaml("a", "First"), Files.readString(dir.resolve("a.yaml")));

        BankFolder.Saved second = saved(folder.save("a.yaml", TestBanks.draft("a", "Second"), first.version()));
        assertEquals("Second", second.bank().title());
        assertEquals(new BankFolder.Backup("a.yaml.20261130T091500250Z.yaml", T0, TestBanks.yaml("a", "First").length()),
                second.backup());
        assertEquals(TestBanks.yaml("a", "First"), Files.readString(dir.resolve(".backups").resolve(second.backup().name())));
        assertEquals(List.of(second.backup()), folder.backups("a.yaml"));
        assertEquals(List.of("a.yaml"), folder.files());
        assertEquals(second.version(), folder.open("a.yaml").version());
        assertEquals("Second", folder.open("a.yaml").draft().getTitle());
    }

    @Test
    void savingTheSameContentAgainKeepsNoBackup() throws IOException {
        BankFolder.Saved first = saved(folder.save("a.yaml", TestBanks.draft("a", "Same"), null));
        BankFolder.Saved again = saved(folder.save("a.yaml", TestBanks.draft("a", "Same"), null));
        assertEquals(first.version(), again.version());
        assertNull(again.backup());
        assertEquals(List.of(), folder.backups("a.yaml"));
    }

    @Test
    void aBankWithErrorsIsNotWrittenAndItsProblemsHaveTheirLines() throws IOException {
        BankDraft draft = TestBanks.draft("a", "First");
        draft.getQuestions().get(0).getOptions().get(1).setText("Stalin");
        BankFolder.Invalid invalid = assertInstanceOf(BankFolder.Invalid.class, folder.save("a.yaml", draft, null));
        assertEquals(List.of(dir.resolve("a.yaml") + ":9: 'Stalin' appears twice in 'options'"),
                invalid.problems().stream().map(Object::toString).toList());
        assertFalse(Files.exists(dir.resolve("a.yaml")));
    }

    @Test
    void aSaveOverSomebodyElsesNewerVersionIsAConflict() throws IOException {
        BankFolder.Saved mine = saved(folder.save("a.yaml", TestBanks.draft("a", "Mine"), BankFolder.NO_FILE));
        saved(folder.save("a.yaml", TestBanks.draft("a", "Theirs"), mine.version()));
        BankFolder.Conflict conflict = assertInstanceOf(BankFolder.Conflict.class,
                folder.save("a.yaml", TestBanks.draft("a", "Mine again"), mine.version()));
        assertEquals(folder.open("a.yaml").version(), conflict.currentVersion());
        assertInstanceOf(BankFolder.Conflict.class, folder.save("a.yaml", TestBanks.draft("a", "New"), BankFolder.NO_FILE));
        assertEquals("Theirs", folder.open("a.yaml").draft().getTitle());
    }

    @Test
    void aBankIdAnotherFileUsesIsRefused() throws IOException {
        Files.writeString(dir.resolve("01-taken.yaml"), TestBanks.yaml("taken", "Taken"));
        BankFolder.Invalid invalid = assertInstanceOf(BankFolder.Invalid.class,
                folder.save("02-new.yaml", TestBanks.draft("taken", "Mine"), null));
        assertEquals(List.of(dir.resolve("02-new.yaml") + ":1: bank id 'taken' is already used by 01-taken.yaml"),
                invalid.problems().stream().map(Object::toString).toList());
    }

    @Test
    void aKeptVersionIsRestoredExactlyAndTheVersionItReplacesIsKeptToo() throws IOException {
        String handWritten = "# written by hand\n" + TestBanks.yaml("a", "By hand");
        Files.writeString(dir.resolve("a.yaml"), handWritten);
        BankFolder.Saved edited = saved(folder.save("a.yaml", TestBanks.draft("a", "Edited"), null));
        BankFolder.Saved restored = saved(folder.restore("a.yaml", edited.backup().name(), edited.version()));
        assertEquals(handWritten, Files.readString(dir.resolve("a.yaml")));
        assertEquals(TestBanks.yaml("a", "Edited"), Files.readString(dir.resolve(".backups").resolve(restored.backup().name())));
        assertEquals(List.of("a.yaml.20261130T091500250Z-2.yaml", "a.yaml.20261130T091500250Z.yaml"),
                folder.backups("a.yaml").stream().map(BankFolder.Backup::name).toList());
    }

    @Test
    void aDeletedBankCanBeRestoredFromItsBackup() throws IOException {
        BankFolder.Saved saved = saved(folder.save("a.yaml", TestBanks.draft("a", "Doomed"), null));
        BankFolder.Saved deleted = saved(folder.delete("a.yaml", saved.version()));
        assertFalse(Files.exists(dir.resolve("a.yaml")));
        assertEquals(List.of(), folder.files());
        saved(folder.restore("a.yaml", deleted.backup().name(), BankFolder.NO_FILE));
        assertEquals(TestBanks.yaml("a", "Doomed"), Files.readString(dir.resolve("a.yaml")));
    }

    @Test
    void onlyTheNewestBackupsOfAFileAreKept() throws IOException {
        for (int i = 0; i <= BankBackups.MAX_PER_FILE + 5; i++) {
            saved(folder.save("a.yaml", TestBanks.draft("a", "Version " + i), null));
        }
        List<BankFolder.Backup> kept = folder.backups("a.yaml");
        assertEquals(BankBackups.MAX_PER_FILE, kept.size());
        assertTrue(kept.get(0).name().endsWith("Z-25.yaml"), kept.get(0).name());
        assertTrue(kept.get(kept.size() - 1).name().endsWith("Z-6.yaml"), kept.get(kept.size() - 1).name());
    }

    @Test
    void namesThatCouldLeaveTheFolderAreRefused() {
        for (String name : List.of("../a.yaml", "sub/a.yaml", ".backups", "a.txt", ".hidden.yaml", "")) {
            assertThrows(IllegalArgumentException.class, () -> folder.save(name, TestBanks.draft("a", "A"), null), name);
        }
        assertThrows(Exception.class, () -> folder.restore("a.yaml", "../../etc/passwd", null));
    }

    /** Many threads save different versions of one bank while another keeps reading it: it is always whole. */
    @Test
    void concurrentSavesOfOneBankNeverLeaveABrokenFile() throws Exception {
        BankFolder realClock = new BankFolder(dir);
        saved(realClock.save("a.yaml", TestBanks.draft("a", "Start"), null));
        int writers = 4;
        int savesEach = 25;
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean writing = new AtomicBoolean(true);
        Set<String> written = Collections.synchronizedSet(new HashSet<>(Set.of(TestBanks.yaml("a", "Start"))));
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                jobs.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < savesEach; i++) {
                        String title = "Writer " + writer + " save " + i;
                        written.add(TestBanks.yaml("a", title));
                        saved(new BankFolder(dir).save("a.yaml", TestBanks.draft("a", title), null));
                    }
                    return null;
                }));
            }
            Future<Integer> reader = pool.submit(() -> {
                start.await();
                int reads = 0;
                while (writing.get()) {
                    String content = Files.readString(dir.resolve("a.yaml"));
                    assertTrue(written.contains(content), "a reader saw a file nobody wrote:\n" + content);
                    reads++;
                }
                return reads;
            });
            start.countDown();
            for (Future<?> job : jobs) {
                job.get(60, TimeUnit.SECONDS);
            }
            writing.set(false);
            assertTrue(reader.get(60, TimeUnit.SECONDS) > 0);
        } finally {
            pool.shutdownNow();
        }
        assertTrue(written.contains(Files.readString(dir.resolve("a.yaml"))));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(".backups", "a.yaml"), left.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no temporary file is left behind");
        }
        List<BankFolder.Backup> backups = realClock.backups("a.yaml");
        assertEquals(BankBackups.MAX_PER_FILE, backups.size());
        for (BankFolder.Backup backup : backups) {
            String content = Files.readString(dir.resolve(".backups").resolve(backup.name()));
            assertTrue(written.contains(content), backup.name());
        }
    }

    private static BankFolder.Saved saved(BankFolder.Outcome outcome) {
        BankFolder.Saved saved = assertInstanceOf(BankFolder.Saved.class, outcome);
        assertNotNull(saved.version());
        return saved;
    }
}
