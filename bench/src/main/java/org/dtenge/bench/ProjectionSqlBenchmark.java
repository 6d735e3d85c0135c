package org.dtenge.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What projecting one signed payment into SQLite costs, the way the node's {@code Projector} does it
 * (its schema and statements copied from {@code ProjectionDb} and {@code Projector}, node module): the
 * transfer row, then an UPDATE adding the payer's signature (the RECORD event that follows it), two
 * history entries, the daily statistics upsert and the daily distinct-wallet row; a transaction is
 * committed (with the position row) every {@code paymentsPerCommit} payments. The parameters are the
 * changes the HTTP profile points at:
 * <ul>
 *   <li>{@code paymentsPerCommit}: 3 is what the projection thread commits at about 3,000 payments/s
 *       (it commits whatever one poll of its queue drained); 1000 is a commit every few milliseconds;</li>
 *   <li>{@code generatedKeys}: sqlite-jdbc's default runs {@code SELECT last_insert_rowid()} after every
 *       insert or update for {@code getGeneratedKeys}, which the node never calls;</li>
 *   <li>{@code signatureInInsert}: the signature written with the transfer row instead of by an UPDATE;</li>
 *   <li>{@code cacheMiB}: SQLite's page cache; 2 MiB is its default, which the node keeps. Transfers are
 *       keyed by their random 128-bit id, so once the table outgrows the cache nearly every insert reads
 *       a page back from the file and spills dirty ones into the WAL.</li>
 * </ul>
 * The database holds {@value #PRELOADED} payments before measuring, as a node that has run a while does.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "--enable-native-access=ALL-UNNAMED"})
public class ProjectionSqlBenchmark {
    private static final int WALLETS = 1_000;
    private static final int PRELOADED = 300_000;
    private static final String[] SCHEMA = {
        "PRAGMA journal_mode=WAL",
        "PRAGMA synchronous=NORMAL",
        "CREATE TABLE position (id INTEGER PRIMARY KEY CHECK (id = 1), sequence INTEGER NOT NULL, next_index INTEGER NOT NULL)",
        "INSERT INTO position VALUES (1, 1, 0)",
        "CREATE TABLE transfers (id_hi INTEGER NOT NULL, id_lo INTEGER NOT NULL, debit_hi INTEGER NOT NULL,"
            + " debit_lo INTEGER NOT NULL, credit_hi INTEGER NOT NULL, credit_lo INTEGER NOT NULL, amount INTEGER NOT NULL,"
            + " asset INTEGER NOT NULL, purpose INTEGER NOT NULL, reference_hi INTEGER NOT NULL, reference_lo INTEGER NOT NULL,"
            + " at_ns INTEGER NOT NULL, batch INTEGER NOT NULL, event_index INTEGER NOT NULL, category TEXT NOT NULL,"
            + " signature BLOB, expires_ms INTEGER, PRIMARY KEY (id_hi, id_lo)) WITHOUT ROWID",
        "CREATE TABLE entries (account_hi INTEGER NOT NULL, account_lo INTEGER NOT NULL, at_ns INTEGER NOT NULL,"
            + " transfer_hi INTEGER NOT NULL, transfer_lo INTEGER NOT NULL, amount INTEGER NOT NULL,"
            + " counterparty_hi INTEGER NOT NULL, counterparty_lo INTEGER NOT NULL,"
            + " PRIMARY KEY (account_hi, account_lo, at_ns)) WITHOUT ROWID",
        "CREATE TABLE daily (day TEXT NOT NULL, intermediary INTEGER NOT NULL, category TEXT NOT NULL,"
            + " count INTEGER NOT NULL, volume INTEGER NOT NULL, PRIMARY KEY (day, intermediary, category)) WITHOUT ROWID",
        "CREATE TABLE daily_wallets (day TEXT NOT NULL, intermediary INTEGER NOT NULL, category TEXT NOT NULL,"
            + " wallet_hi INTEGER NOT NULL, wallet_lo INTEGER NOT NULL,"
            + " PRIMARY KEY (day, intermediary, category, wallet_hi, wallet_lo)) WITHOUT ROWID",
    };

    /** A projections database and the node's statements over it. */
    @State(Scope.Thread)
    public static class Projection {
        @Param({"3", "1000"})
        int paymentsPerCommit;

        @Param({"true", "false"})
        boolean generatedKeys;

        @Param({"false", "true"})
        boolean signatureInInsert;

        @Param({"2", "256"})
        int cacheMiB;

        Path dir;
        Connection db;
        PreparedStatement insertTransfer;
        PreparedStatement addSignature;
        PreparedStatement insertEntry;
        PreparedStatement upsertDaily;
        PreparedStatement insertDailyWallet;
        PreparedStatement savePosition;
        final SplittableRandom random = new SplittableRandom(42);
        final byte[] signature = new byte[64];
        long at = 1_764_068_400_000_000_000L;
        int uncommitted;

        @Setup(Level.Trial)
        public void open() throws IOException, SQLException {
            dir = Directories.scratch("");
            db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("projections.db")
                    + (generatedKeys ? "" : "?jdbc.get_generated_keys=false"));
            try (Statement s = db.createStatement()) {
                for (String statement : SCHEMA) {
                    s.execute(statement);
                }
                s.execute("PRAGMA cache_size=-" + cacheMiB * 1024);
            }
            db.setAutoCommit(false);
            insertTransfer = db.prepareStatement(signatureInInsert
                    ? "INSERT OR IGNORE INTO transfers VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    : "INSERT OR IGNORE INTO transfers VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL)");
            addSignature = db.prepareStatement("UPDATE transfers SET signature = ?, expires_ms = ? WHERE id_hi = ? AND id_lo = ?");
            insertEntry = db.prepareStatement("INSERT OR IGNORE INTO entries VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
            upsertDaily = db.prepareStatement("INSERT INTO daily VALUES (?, ?, ?, 1, ?) ON CONFLICT (day, intermediary, category)"
                    + " DO UPDATE SET count = count + 1, volume = volume + excluded.volume");
            insertDailyWallet = db.prepareStatement("INSERT OR IGNORE INTO daily_wallets VALUES (?, ?, ?, ?, ?)");
            savePosition = db.prepareStatement("UPDATE position SET sequence = ?, next_index = ? WHERE id = 1");
            int perCommit = paymentsPerCommit;
            paymentsPerCommit = 10_000; // load quickly, then measure with the parameter's commits
            for (int i = 0; i < PRELOADED; i++) {
                projectOne(this);
            }
            db.commit();
            uncommitted = 0;
            paymentsPerCommit = perCommit;
        }

        @TearDown(Level.Trial)
        public void close() throws IOException, SQLException {
            db.commit();
            db.close();
            Directories.delete(dir);
        }
    }

    /** One payment: what {@code Projector.transfer}, {@code record}, {@code entry} and {@code daily} execute. */
    @Benchmark
    public void projectOnePayment(Projection p) throws SQLException {
        projectOne(p);
    }

    private static void projectOne(Projection p) throws SQLException {
        long idHi = p.random.nextLong();
        long idLo = p.random.nextLong();
        long payer = 1 + p.random.nextInt(WALLETS);
        long payee = 1 + p.random.nextInt(WALLETS);
        long at = ++p.at;
        Object[] row = {idHi, idLo, 0L, payer, 0L, payee, 100L, 1, 0, 0L, 0L, at, at >>> 20, 0, "p2p"};
        for (int k = 0; k < row.length; k++) {
            p.insertTransfer.setObject(k + 1, row[k]);
        }
        if (p.signatureInInsert) {
            p.insertTransfer.setBytes(16, p.signature);
            p.insertTransfer.setLong(17, at / 1_000_000);
        }
        p.insertTransfer.executeUpdate();
        if (!p.signatureInInsert) {
            p.addSignature.setBytes(1, p.signature);
            p.addSignature.setLong(2, at / 1_000_000);
            p.addSignature.setLong(3, idHi);
            p.addSignature.setLong(4, idLo);
            p.addSignature.executeUpdate();
        }
        entry(p, payer, at, idHi, idLo, -100, payee);
        entry(p, payee, at, idHi, idLo, 100, payer);
        p.upsertDaily.setString(1, "2026-11-25");
        p.upsertDaily.setLong(2, 601);
        p.upsertDaily.setString(3, "p2p");
        p.upsertDaily.setLong(4, 100);
        p.upsertDaily.executeUpdate();
        p.insertDailyWallet.setString(1, "2026-11-25");
        p.insertDailyWallet.setLong(2, 601);
        p.insertDailyWallet.setString(3, "p2p");
        p.insertDailyWallet.setLong(4, 0);
        p.insertDailyWallet.setLong(5, payer);
        p.insertDailyWallet.executeUpdate();
        if (++p.uncommitted == p.paymentsPerCommit) {
            p.savePosition.setLong(1, at);
            p.savePosition.setInt(2, 0);
            p.savePosition.executeUpdate();
            p.db.commit();
            p.uncommitted = 0;
        }
    }

    private static void entry(Projection p, long account, long at, long idHi, long idLo, long amount, long counterparty)
            throws SQLException {
        Object[] row = {0L, account, at, idHi, idLo, amount, 0L, counterparty};
        for (int k = 0; k < row.length; k++) {
            p.insertEntry.setObject(k + 1, row[k]);
        }
        p.insertEntry.executeUpdate();
    }
}
