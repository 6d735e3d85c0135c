package org.dtenge.node.projection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import org.dtenge.node.money.AccountId;
import org.dtenge.node.money.TransferId;
import org.dtenge.node.payment.Reference;

/**
 * The history entries of the open transaction, gathered per account and written as one row of
 * {@code history} per account (per {@value HistoryBlock#ENTRIES_MAX} entries) when the transaction
 * commits. Only the projection thread uses it.
 */
final class HistoryBlocks {
    private final PreparedStatement insert;
    private final Map<AccountId, HistoryBlock.Writer> open = new HashMap<>();
    private final ArrayDeque<HistoryBlock.Writer> spare = new ArrayDeque<>();

    HistoryBlocks(Connection db) throws SQLException {
        insert = db.prepareStatement("INSERT INTO history VALUES (?, ?, ?, ?, ?)");
    }

    void add(AccountId account, long atNanos, int part, TransferId transfer, long amount, AccountId counterparty,
             Category category, int purpose, Reference reference, long batch) throws SQLException {
        HistoryBlock.Writer block = open.get(account);
        if (block == null) {
            block = spare.isEmpty() ? new HistoryBlock.Writer() : spare.pop();
            open.put(account, block);
        }
        block.add(atNanos, part, transfer, amount, counterparty, category, purpose, reference, batch);
        if (block.count() == HistoryBlock.ENTRIES_MAX) {
            write(account, block);
            open.remove(account);
            release(block);
        }
    }

    /** Writes every open block, in the transaction about to commit. */
    void flush() throws SQLException {
        for (Map.Entry<AccountId, HistoryBlock.Writer> block : open.entrySet()) {
            write(block.getKey(), block.getValue());
            release(block.getValue());
        }
        open.clear();
    }

    /** Forgets the blocks of a transaction rolled back. */
    void clear() {
        open.values().forEach(this::release);
        open.clear();
    }

    private void release(HistoryBlock.Writer block) {
        block.reset();
        if (spare.size() < 4_096) { // enough for the accounts a busy commit touches; the rest is garbage
            spare.push(block);
        }
    }

    private void write(AccountId account, HistoryBlock.Writer block) throws SQLException {
        insert.setLong(1, account.hi());
        insert.setLong(2, account.lo());
        insert.setLong(3, block.firstAt());
        insert.setInt(4, block.firstPart());
        insert.setBytes(5, block.bytes());
        insert.executeUpdate();
    }
}
