package org.dtenge.node.projection;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.dtenge.node.NodeException;
import org.dtenge.node.Problem;
import org.dtenge.node.ProblemType;

/**
 * The projections' SQLite database (projections.db): one writing connection for the projection
 * thread, and a few reading connections for request threads. WAL mode lets readers read while the
 * writer writes. Everything in it is derived from the journal and may be deleted: the node rebuilds
 * it at the next start.
 *
 * <pre>
 * position      the next journal event to apply: (sequence, index), and how many records of the
 *               signature file (below) the same commit covers
 * participants  registrations, in journal order
 * accounts      every account opened: kind, intermediary, owner key; tier and status as they change
 * history       two entries per movement of money (debit and credit side), packed into one row per
 *               account and commit: the history of each account
 * daily         per ledger day, intermediary and category: count and volume
 * daily_wallets which wallets took part in each daily group, to suppress small groups
 * </pre>
 *
 * <p>Beside it, {@code projection-signatures.bin} ({@link SignatureLog}) holds the payer's signature
 * and the order's expiry of each payment (the ledger holds the rest of every transfer, by id).
 */
public final class ProjectionDb implements AutoCloseable {
    private static final int READERS = 4;
    /**
     * The schema's version, kept in SQLite's user_version. A database of another version is emptied
     * and rebuilt from the journal at start: projections are derived, so this is their migration.
     */
    static final int SCHEMA_VERSION = 4;
    /** Every table this or an earlier schema had. */
    private static final String[] TABLES = {"position", "participants", "accounts", "transfers", "entries", "history",
        "signatures", "daily", "daily_wallets"};
    private static final String[] SCHEMA = {
        "CREATE TABLE IF NOT EXISTS position (id INTEGER PRIMARY KEY CHECK (id = 1), sequence INTEGER NOT NULL,"
            + " next_index INTEGER NOT NULL, signatures INTEGER NOT NULL)",
        "INSERT OR IGNORE INTO position VALUES (1, 1, 0, 0)",
        "CREATE TABLE IF NOT EXISTS participants (code INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name TEXT NOT NULL,"
            + " role INTEGER NOT NULL, public_key BLOB NOT NULL, registered_ns INTEGER NOT NULL)",
        "CREATE TABLE IF NOT EXISTS accounts (id_hi INTEGER NOT NULL, id_lo INTEGER NOT NULL, kind INTEGER NOT NULL,"
            + " intermediary INTEGER NOT NULL, owner_key BLOB NOT NULL, asset INTEGER NOT NULL, tier INTEGER NOT NULL,"
            + " status INTEGER NOT NULL, opened_ns INTEGER NOT NULL, PRIMARY KEY (id_hi, id_lo)) WITHOUT ROWID",
        // A run of one account's history entries, packed (HistoryBlock), keyed by its first entry's time
        // and part: the time and order of the ledger, so that every insert lands at the end of its account.
        "CREATE TABLE IF NOT EXISTS history (account_hi INTEGER NOT NULL, account_lo INTEGER NOT NULL,"
            + " first_at_ns INTEGER NOT NULL, first_part INTEGER NOT NULL, entries BLOB NOT NULL,"
            + " PRIMARY KEY (account_hi, account_lo, first_at_ns, first_part)) WITHOUT ROWID",
        "CREATE TABLE IF NOT EXISTS daily (day TEXT NOT NULL, intermediary INTEGER NOT NULL, category TEXT NOT NULL,"
            + " count INTEGER NOT NULL, volume INTEGER NOT NULL, PRIMARY KEY (day, intermediary, category)) WITHOUT ROWID",
        "CREATE TABLE IF NOT EXISTS daily_wallets (day TEXT NOT NULL, intermediary INTEGER NOT NULL, category TEXT NOT NULL,"
            + " wallet_hi INTEGER NOT NULL, wallet_lo INTEGER NOT NULL,"
            + " PRIMARY KEY (day, intermediary, category, wallet_hi, wallet_lo)) WITHOUT ROWID",
    };

    private final String url;
    private final Connection writer;
    private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);
    private final Uncommitted uncommitted = new Uncommitted();
    private final SignatureLog signatures;

    public ProjectionDb(Path file) {
        this.url = "jdbc:sqlite:" + file.toAbsolutePath();
        try {
            // Without this, sqlite-jdbc prepares and runs "SELECT last_insert_rowid()" after every insert.
            java.util.Properties properties = new java.util.Properties();
            properties.setProperty("jdbc.get_generated_keys", "false");
            writer = DriverManager.getConnection(url, properties);
            try (Statement s = writer.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                // NORMAL: a crash may lose the last projected transactions, never corrupt; the projection
                // records its position in the same transactions, so it simply catches up again.
                s.execute("PRAGMA synchronous=NORMAL");
                s.execute("PRAGMA busy_timeout=5000");
                // The default 2 MB page cache is soon smaller than the tables' working set, and every
                // insert then rereads pages from the OS: 256 MB. The WAL is checkpointed at SQLite's default
                // 1,000 pages: checkpoints of 10,000 took fewer fsyncs but each stalled the journal's fsync
                // behind it on the same disk (p99 of payments at 2,000/s: 21 ms against 12.6 ms).
                s.execute("PRAGMA cache_size=-262144");
                s.execute("PRAGMA wal_autocheckpoint=1000");
                s.execute("PRAGMA temp_store=MEMORY");
                migrate(s);
                create(s);
            }
            signatures = signatureLog(file.resolveSibling("projection-signatures.bin"));
            writer.setAutoCommit(false);
            writer.commit();
            for (int i = 0; i < READERS; i++) {
                Connection reader = DriverManager.getConnection(url);
                try (Statement s = reader.createStatement()) {
                    s.execute("PRAGMA busy_timeout=5000");
                    s.execute("PRAGMA query_only=ON");
                }
                readers.add(reader);
            }
        } catch (SQLException | IOException e) {
            throw new NodeException(Problem.of(ProblemType.CONFIGURATION, "cannot open the projections database " + file
                    + ": " + e.getMessage() + " (it is derived from the journal: delete it to rebuild it)"), e);
        }
    }

    private static void create(Statement s) throws SQLException {
        for (String statement : SCHEMA) {
            s.execute(statement);
        }
        s.execute("PRAGMA user_version=" + SCHEMA_VERSION);
    }

    /**
     * Opens the signature file and cuts it to the records the database's last commit covers; if it has
     * fewer (deleted, or another node's), empties the database too, so that both are rebuilt together.
     */
    private SignatureLog signatureLog(Path file) throws SQLException, IOException {
        long committed;
        try (Statement s = writer.createStatement(); java.sql.ResultSet r = s.executeQuery("SELECT signatures FROM position")) {
            r.next();
            committed = r.getLong(1);
        }
        SignatureLog log = SignatureLog.open(file);
        if (log.records() < committed) {
            System.err.println("dtenge: " + file.getFileName() + " holds " + log.records() + " payment signatures, projections.db"
                    + " counts " + committed + ": rebuilding both from the journal");
            try (Statement s = writer.createStatement()) {
                dropAll(s);
                create(s);
            }
            committed = 0;
        }
        log.truncate(committed);
        return log;
    }

    /** Empties a database of an older (or newer) schema, so that the projection rebuilds it from the journal. */
    private static void migrate(Statement s) throws SQLException {
        int version;
        try (java.sql.ResultSet r = s.executeQuery("PRAGMA user_version")) {
            version = r.next() ? r.getInt(1) : 0;
        }
        boolean hasTables;
        try (java.sql.ResultSet r = s.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'table'")) {
            hasTables = r.next() && r.getInt(1) > 0;
        }
        if (version == SCHEMA_VERSION || !hasTables) {
            return;
        }
        System.err.println("dtenge: projections.db has schema version " + version + ", this node writes "
                + SCHEMA_VERSION + ": rebuilding it from the journal");
        dropAll(s);
    }

    private static void dropAll(Statement s) throws SQLException {
        for (String table : TABLES) {
            s.execute("DROP TABLE IF EXISTS " + table);
        }
    }

    /** The writing connection: only the projection thread uses it. */
    Connection writer() {
        return writer;
    }

    /** What the writer has applied and not yet committed, for readers. */
    Uncommitted uncommitted() {
        return uncommitted;
    }

    /** The payers' signatures: the projection thread appends, readers find. */
    SignatureLog signatures() {
        return signatures;
    }

    /** Runs {@code query} on a reading connection. */
    public <T> T read(Query<T> query) {
        Connection connection;
        try {
            connection = readers.poll(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw NodeException.of(ProblemType.UNAVAILABLE, "interrupted while waiting for the projections database");
        }
        if (connection == null) {
            throw NodeException.of(ProblemType.BUSY, "all projection readers are busy; retry in a moment");
        }
        try {
            return query.run(connection);
        } catch (SQLException e) {
            throw new NodeException(Problem.of(ProblemType.INTERNAL, "projection query failed: " + e.getMessage()), e);
        } finally {
            readers.add(connection);
        }
    }

    /** A query against a connection. */
    @FunctionalInterface
    public interface Query<T> {
        T run(Connection connection) throws SQLException;
    }

    @Override
    public void close() {
        try {
            writer.close();
            for (Connection reader : readers) {
                reader.close();
            }
            signatures.close();
        } catch (SQLException | IOException e) {
            throw new NodeException(Problem.of(ProblemType.INTERNAL, "closing the projections database failed: "
                    + e.getMessage()), e);
        }
    }
}
