package app.quizroom.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseSettingsTest {

    @Test
    void withoutAUrlResultsStayInTheSqliteFile() {
        assertNull(Config.fromEnv(Map.of()).database());
        assertNull(Config.fromEnv(Map.of("QUIZROOM_DATABASE_URL", " ")).database());
    }

    @Test
    void theUrlNamesUserHostPortAndDatabaseAndThePasswordComesFromItsOwnVariable() {
        DatabaseSettings db = Config.fromEnv(Map.of("QUIZROOM_DATABASE_URL", "postgresql://quiz@db.school.lan:6543/results",
                "QUIZROOM_DATABASE_PASSWORD", "s3cret", "QUIZROOM_DATABASE_POOL_SIZE", "8",
                "QUIZROOM_DATABASE_STATEMENT_TIMEOUT_SECONDS", "3")).database();
        assertEquals("db.school.lan", db.host());
        assertEquals(6543, db.port());
        assertEquals("results", db.database());
        assertEquals("quiz", db.user());
        assertEquals("s3cret", db.password());
        assertEquals(8, db.poolSize());
        assertEquals(3000, db.statementTimeoutMs());
        assertEquals(5432, DatabaseSettings.parse("postgres://quiz@h/d", null, 4, 1000).port());
    }

    @Test
    void thePasswordIsNeverLogged() {
        Config config = Config.fromEnv(Map.of("QUIZROOM_DATABASE_URL", "postgresql://quiz@h:5432/d",
                "QUIZROOM_DATABASE_PASSWORD", "s3cret"));
        assertFalse(config.describe().toString().contains("s3cret"), config.describe().toString());
        assertEquals("postgresql://quiz@h:5432/d", config.describe().get("QUIZROOM_DATABASE_URL"));
        assertFalse(config.database().toString().contains("s3cret"));
    }

    @Test
    void thePasswordMayComeFromAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("pw");
        Files.writeString(file, "from-file\n");
        assertEquals("from-file", Config.fromEnv(Map.of("QUIZROOM_DATABASE_URL", "postgresql://quiz@h/d",
                "QUIZROOM_DATABASE_PASSWORD_FILE", file.toString())).database().password());
    }

    @Test
    void badSettingsAreRefusedWithTheirName() {
        for (String url : new String[]{"mysql://a@b/c", "postgresql://b/c", "postgresql://a@b", "not a url",
                "postgresql://a@b/c?sslmode=disable"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Config.fromEnv(Map.of("QUIZROOM_DATABASE_URL", url)), url);
            assertTrue(e.getMessage().contains("QUIZROOM_DATABASE_URL"), e.getMessage());
        }
        IllegalArgumentException withPassword = assertThrows(IllegalArgumentException.class,
                () -> Config.fromEnv(Map.of("QUIZROOM_DATABASE_URL", "postgresql://a:pw@b/c")));
        assertFalse(withPassword.getMessage().contains("pw@"), "the password is not echoed");
        assertThrows(IllegalArgumentException.class, () -> Config.fromEnv(Map.of("QUIZROOM_DATABASE_URL",
                "postgresql://a@b/c", "QUIZROOM_DATABASE_POOL_SIZE", "1")));
        assertThrows(IllegalArgumentException.class, () -> Config.fromEnv(Map.of("QUIZROOM_DATABASE_URL",
                "postgresql://a@b/c", "QUIZROOM_DATABASE_PASSWORD", "x", "QUIZROOM_DATABASE_PASSWORD_FILE", "/y")));
        assertThrows(IllegalArgumentException.class, () -> Config.fromEnv(Map.of("QUIZROOM_DATABASE_URL",
                "postgresql://a@b/c", "QUIZROOM_DATABASE_PASSWORD_FILE", "/no/such/file")));
    }
}
