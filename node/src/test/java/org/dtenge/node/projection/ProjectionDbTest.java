package org.dtenge.node.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A projections database of another schema version is emptied, to be rebuilt from the journal; so is
 * one whose signature file lost records it committed.
 */
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

    @Test
    void aSignatureFileShorterThanTheDatabaseCountsEmptiesBothAndALongerOneIsCut() throws Exception {
        Path file = dir.resolve("projections.db");
        Path signatures = dir.resolve("projection-signatures.bin");
        try (ProjectionDb db = new ProjectionDb(file)) {
            for (int i = 0; i < 3; i++) {
                db.signatures().append(1_000 + i, new org.dtenge.node.money.TransferId(0, i + 1), 0, new byte[64]);
            }
            db.signatures().force();
            try (Statement s = db.writer().createStatement()) {
                s.execute("UPDATE position SET sequence = 9, next_index = 0, signatures = 2 WHERE id = 1");
            }
            db.writer().commit();
        }
        try (ProjectionDb db = new ProjectionDb(file)) { // the third record came after the commit: cut
            assertThat(db.signatures().records()).isEqualTo(2);
            assertThat(Files.size(signatures)).isEqualTo(2L * SignatureLog.RECORD);
            assertThat(db.<Long>read(c -> query(c, "SELECT sequence FROM position"))).isEqualTo(9L);
        }
        Files.delete(signatures);
        try (ProjectionDb db = new ProjectionDb(file)) { // not the file the database was committed with: rebuild both
            assertThat(db.signatures().records()).isZero();
            assertThat(db.<Long>read(c -> query(c, "SELECT sequence FROM position"))).isEqualTo(1L);
            assertThat(db.<Long>read(c -> query(c, "SELECT signatures FROM position"))).isZero();
        }
    }

    private static long query(Connection c, String sql) throws java.sql.SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
