package org.dtenge.node.projection;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
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
    private static final int FIRST_ENTRIES = 4;
    private final PreparedStatement insert;
    private final Map<AccountId, ByteBuffer> open = new LinkedHashMap<>();

    HistoryBlocks(Connection db) throws SQLException {
        insert = db.prepareStatement("INSERT INTO history VALUES (?, ?, ?, ?, ?)");
    }

    void add(AccountId account, long atNanos, int part, TransferId transfer, long amount, AccountId counterparty,
             Category category, int purpose, Reference reference, long batch) throws SQLException {
        ByteBuffer block = open.get(account);
        if (block == null || !block.hasRemaining()) { // most accounts have a few entries per commit: start small
            ByteBuffer grown = ByteBuffer.allocate(block == null ? FIRST_ENTRIES * HistoryBlock.ENTRY_BYTES : 2 * block.capacity());
            if (block != null) {
                grown.put(block.flip());
            }
            block = grown;
            open.put(account, block);
        }
        HistoryBlock.put(block, atNanos, part, transfer, amount, counterparty, category, purpose, reference, batch);
        if (block.position() == HistoryBlock.ENTRIES_MAX * HistoryBlock.ENTRY_BYTES) {
            write(account, block);
            open.remove(account);
        }
    }

    /** Writes every open block, in the transaction about to commit. */
    void flush() throws SQLException {
        for (Map.Entry<AccountId, ByteBuffer> block : open.entrySet()) {
            write(block.getKey(), block.getValue());
        }
        open.clear();
    }

    /** Forgets the blocks of a transaction rolled back. */
    void clear() {
        open.clear();
    }

    private void write(AccountId account, ByteBuffer block) throws SQLException {
        byte[] entries = block.position() == block.capacity() ? block.array()
                : java.util.Arrays.copyOf(block.array(), block.position());
        insert.setLong(1, account.hi());
        insert.setLong(2, account.lo());
        insert.setLong(3, block.getLong(0));
        insert.setInt(4, block.getShort(8));
        insert.setBytes(5, entries);
        insert.executeUpdate();
    }
}
