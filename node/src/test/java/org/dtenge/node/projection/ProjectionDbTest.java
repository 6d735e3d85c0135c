package org.dtenge.node.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A projections database of another schema version is emptied, to be rebuilt from the journal. */
class ProjectionDbTest {
    @TempDir
    Path dir;

    @Test
    void anOlderSchemaIsDroppedAndThePositionStartsOver() throws Exception {
        Path file = dir.resolve("projections.db");
        try (Connection old = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = old.createStatement()) {
            s.execute("CREATE TABLE position (id INTEGER PRIMARY KEY, sequence INTEGER NOT NULL, next_index INTEGER NOT NULL)");
            s.execute("INSERT INTO position VALUES (1, 42, 7)");
            s.execute("CREATE TABLE entries (account_hi INTEGER, account_lo INTEGER, at_ns INTEGER)");
            s.execute("PRAGMA user_version=1");
        }
        try (ProjectionDb db = new ProjectionDb(file)) {
            assertThat(db.<Long>read(c -> query(c, "SELECT sequence FROM position"))).isEqualTo(1L);
            assertThat(db.<Long>read(c -> query(c, "SELECT count(*) FROM sqlite_master WHERE name = 'entries'"))).isZero();
            assertThat(db.<Long>read(c -> query(c, "SELECT count(*) FROM pragma_table_info('history') WHERE name = 'entries'")))
                    .isEqualTo(1L);
            assertThat(db.<Long>read(c -> query(c, "PRAGMA user_version"))).isEqualTo((long) ProjectionDb.SCHEMA_VERSION);
        }
        try (ProjectionDb again = new ProjectionDb(file)) { // the current version is kept as it is
            assertThat(again.<Long>read(c -> query(c, "PRAGMA user_version"))).isEqualTo((long) ProjectionDb.SCHEMA_VERSION);
        }
    }

    private static long query(Connection c, String sql) throws java.sql.SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
