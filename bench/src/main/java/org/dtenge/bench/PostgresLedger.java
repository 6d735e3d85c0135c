package org.dtenge.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

/**
 * The ledger a competent team would build on PostgreSQL: an {@code accounts} table with the balance
 * (never below zero, checked), a {@code transfers} table with foreign keys to both accounts, and each
 * unit of the workload (a transfer, or a linked payment and fee) one transaction that
 * <ol>
 *   <li>locks every account it touches with {@code SELECT ... ORDER BY id FOR UPDATE}: always in id
 *       order, so two transfers between the same accounts in opposite directions cannot deadlock;</li>
 *   <li>checks that the payer's balance covers everything it pays in the unit, else rolls back: a failed
 *       transfer (insufficient funds), nothing written;</li>
 *   <li>updates both balances and inserts each transfer, in one round trip, and commits.</li>
 * </ol>
 * Two ways to send it, both tried by the sweep: {@link Mode#STATEMENTS}, the transaction driven from
 * the application (three round trips, the row locks held across two of them), and {@link Mode#FUNCTION},
 * the same steps in a PL/pgSQL function called in one round trip (locks held only inside the server and
 * for the commit). With {@code synchronous_commit=on} the commit returns after the WAL is flushed;
 * concurrent commits share a flush (PostgreSQL's group commit), which is why more clients help.
 */
final class PostgresLedger {
    static final String SCHEMA = """
            DROP TABLE IF EXISTS transfers

            DROP TABLE IF EXISTS accounts

            CREATE TABLE accounts (
                id bigint PRIMARY KEY,
                balance bigint NOT NULL CHECK (balance >= 0)
            )

            CREATE TABLE transfers (
                id bigint PRIMARY KEY,
                debit bigint NOT NULL REFERENCES accounts,
                credit bigint NOT NULL REFERENCES accounts,
                amount bigint NOT NULL CHECK (amount > 0),
                created_at timestamptz NOT NULL DEFAULT now()
            )

            CREATE OR REPLACE FUNCTION transfer_unit(ids bigint[], debits bigint[], credits bigint[], amounts bigint[])
            RETURNS boolean LANGUAGE plpgsql AS $$
            DECLARE
                owed bigint := 0;
                available bigint;
            BEGIN
                PERFORM 1 FROM accounts WHERE id = ANY(debits || credits) ORDER BY id FOR UPDATE;
                SELECT sum(a) INTO owed FROM unnest(amounts) AS a;
                SELECT balance INTO available FROM accounts WHERE id = debits[1];
                IF available < owed THEN
                    RETURN false;
                END IF;
                FOR i IN 1 .. array_length(ids, 1) LOOP
                    UPDATE accounts SET balance = balance - amounts[i] WHERE id = debits[i];
                    UPDATE accounts SET balance = balance + amounts[i] WHERE id = credits[i];
                    INSERT INTO transfers (id, debit, credit, amount) VALUES (ids[i], debits[i], credits[i], amounts[i]);
                END LOOP;
                RETURN true;
            END
            $$""";
    private static final String LOCK = "SELECT id, balance FROM accounts WHERE id = ANY(?) ORDER BY id FOR UPDATE";
    private static final String MOVE = "UPDATE accounts SET balance = balance - ? WHERE id = ?;"
            + " UPDATE accounts SET balance = balance + ? WHERE id = ?;"
            + " INSERT INTO transfers (id, debit, credit, amount) VALUES (?, ?, ?, ?)";
    private static final String CALL = "SELECT transfer_unit(?, ?, ?, ?)";

    /** How the application sends a unit's transaction. */
    enum Mode {
        /** BEGIN; lock; check; write; COMMIT, from the application: three round trips. */
        STATEMENTS,
        /** One call of the PL/pgSQL function {@code transfer_unit} in autocommit: one round trip. */
        FUNCTION;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Deadlock and serialization failure: retried, though ordered locking should never see them. */
    private static final java.util.Set<String> RETRYABLE = java.util.Set.of("40P01", "40001");

    private PostgresLedger() {}

    /** Creates the tables afresh with every account funded, then analyzes them for the planner. */
    static void reset(Connection connection, Workload workload) throws SQLException {
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            // Statements are separated by a blank line: the function's body has semicolons of its own.
            for (String sql : SCHEMA.split("\n\n")) {
                statement.execute(sql);
            }
        }
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO accounts (id, balance) VALUES (?, ?)")) {
            for (int account = 0; account < workload.accountsWithCollector(); account++) {
                insert.setLong(1, account);
                insert.setLong(2, workload.fundingTiyn());
                insert.addBatch();
                if (account % 1000 == 999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        connection.commit();
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute("VACUUM ANALYZE accounts");
        }
    }

    /** Outcome of one unit: committed, or refused for insufficient funds; and the retries it took. */
    record Outcome(boolean committed, int retries) {}

    /** Runs unit {@code unit} as one transaction on {@code connection}: autocommit off for STATEMENTS, on for FUNCTION. */
    static Outcome apply(Connection connection, Workload workload, int unit, Mode mode) throws SQLException {
        for (int retries = 0; ; retries++) {
            try {
                return new Outcome(mode == Mode.FUNCTION ? call(connection, workload, unit)
                        : attempt(connection, workload, unit), retries);
            } catch (SQLException e) {
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                }
                if (!RETRYABLE.contains(e.getSQLState()) || retries >= 10) {
                    throw e;
                }
            }
        }
    }

    private static boolean attempt(Connection connection, Workload workload, int unit) throws SQLException {
        int first = workload.unitStart(unit);
        int size = workload.unitSize(unit);
        int payer = workload.payer(first);
        long owed = 0;
        Long[] touched = new Long[size + 1];
        touched[0] = (long) payer;
        for (int t = first; t < first + size; t++) {
            owed = Math.addExact(owed, workload.amount(t));
            touched[t - first + 1] = (long) workload.payee(t);
        }
        long balance = lock(connection, touched, payer);
        if (balance < owed) {
            connection.rollback();
            return false;
        }
        try (PreparedStatement move = connection.prepareStatement(MOVE)) {
            for (int t = first; t < first + size; t++) {
                move.setLong(1, workload.amount(t));
                move.setLong(2, workload.payer(t));
                move.setLong(3, workload.amount(t));
                move.setLong(4, workload.payee(t));
                move.setLong(5, t + 1L);
                move.setLong(6, workload.payer(t));
                move.setLong(7, workload.payee(t));
                move.setLong(8, workload.amount(t));
                move.execute();
            }
        }
        connection.commit();
        return true;
    }

    private static boolean call(Connection connection, Workload workload, int unit) throws SQLException {
        int first = workload.unitStart(unit);
        int size = workload.unitSize(unit);
        Long[] ids = new Long[size];
        Long[] debits = new Long[size];
        Long[] credits = new Long[size];
        Long[] amounts = new Long[size];
        for (int t = first; t < first + size; t++) {
            ids[t - first] = t + 1L;
            debits[t - first] = (long) workload.payer(t);
            credits[t - first] = (long) workload.payee(t);
            amounts[t - first] = workload.amount(t);
        }
        try (PreparedStatement call = connection.prepareStatement(CALL)) {
            call.setArray(1, connection.createArrayOf("bigint", ids));
            call.setArray(2, connection.createArrayOf("bigint", debits));
            call.setArray(3, connection.createArrayOf("bigint", credits));
            call.setArray(4, connection.createArrayOf("bigint", amounts));
            try (ResultSet result = call.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }

    /** Locks the accounts in id order and returns the payer's balance. */
    private static long lock(Connection connection, Long[] accounts, int payer) throws SQLException {
        Long[] distinct = Arrays.stream(accounts).distinct().toArray(Long[]::new);
        Array ids = connection.createArrayOf("bigint", distinct);
        try (PreparedStatement lock = connection.prepareStatement(LOCK)) {
            lock.setArray(1, ids);
            long balance = -1;
            int rows = 0;
            try (ResultSet result = lock.executeQuery()) {
                while (result.next()) {
                    rows++;
                    if (result.getLong(1) == payer) {
                        balance = result.getLong(2);
                    }
                }
            }
            if (rows != distinct.length || balance < 0) {
                throw new IllegalStateException("accounts " + Arrays.toString(distinct) + " not all found: " + rows + " rows");
            }
            return balance;
        } finally {
            ids.free();
        }
    }

    /** Sum of all balances and the number of transfers: what a run must leave (conservation). */
    record Totals(long balances, long transfers) {}

    static Totals totals(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(
                     "SELECT (SELECT sum(balance) FROM accounts), (SELECT count(*) FROM transfers)")) {
            result.next();
            return new Totals(result.getLong(1), result.getLong(2));
        }
    }
}
