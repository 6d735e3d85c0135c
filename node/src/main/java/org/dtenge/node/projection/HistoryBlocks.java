package org.dtenge.node.projection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dtenge.node.money.AccountId;
import org.dtenge.node.money.TransferId;
import org.dtenge.node.payment.Reference;

/**
 * The history entries of the open transaction, gathered per account and written as one row of
 * {@code history} per account (per {@value HistoryBlock#ENTRIES_MAX} entries) when the transaction
 * commits. Until then {@link #publish} shows them to readers through {@link Uncommitted}. Only the
 * projection thread uses it.
 */
final class HistoryBlocks {
    private final PreparedStatement insert;
    private final Uncommitted uncommitted;
    private final Map<AccountId, HistoryBlock.Writer> open = new HashMap<>();
    /** Blocks that filled up in this transaction: written already, not committed yet. */
    private final Map<AccountId, List<Uncommitted.Block>> full = new HashMap<>();
    /** Accounts with entries added since the last {@link #publish}. */
    private final Set<AccountId> touched = new HashSet<>();
    private final ArrayDeque<HistoryBlock.Writer> spare = new ArrayDeque<>();

    HistoryBlocks(Connection db, Uncommitted uncommitted) throws SQLException {
        insert = db.prepareStatement("INSERT INTO history VALUES (?, ?, ?, ?, ?)");
        this.uncommitted = uncommitted;
    }

    void add(AccountId account, long atNanos, int part, TransferId transfer, long amount, AccountId counterparty,
             Category category, int purpose, Reference reference, long batch) throws SQLException {
        HistoryBlock.Writer block = open.get(account);
        if (block == null) {
            block = spare.isEmpty() ? new HistoryBlock.Writer() : spare.pop();
            open.put(account, block);
        }
        block.add(atNanos, part, transfer, amount, counterparty, category, purpose, reference, batch);
        touched.add(account);
        if (block.count() == HistoryBlock.ENTRIES_MAX) {
            byte[] entries = write(account, block);
            full.computeIfAbsent(account, a -> new ArrayList<>()).add(new Uncommitted.Block(block.firstAt(), entries));
            open.remove(account);
            release(block);
        }
    }

    /** Shows readers the uncommitted history of every account that has had entries since the last call. */
    void publish() {
        for (AccountId account : touched) {
            List<Uncommitted.Block> filled = full.getOrDefault(account, List.of());
            HistoryBlock.Writer block = open.get(account);
            List<Uncommitted.Block> blocks = new ArrayList<>(filled.size() + 1);
            blocks.addAll(filled);
            if (block != null) {
                blocks.add(new Uncommitted.Block(block.firstAt(), block.bytes()));
            }
            uncommitted.history(account, Collections.unmodifiableList(blocks));
        }
        touched.clear();
    }

    /**
     * Writes every open block, in the transaction about to commit. Readers go on seeing them in
     * {@link Uncommitted} until the commit is done and it is cleared.
     */
    void flush() throws SQLException {
        for (Map.Entry<AccountId, HistoryBlock.Writer> block : open.entrySet()) {
            write(block.getKey(), block.getValue());
            release(block.getValue());
        }
        open.clear();
        full.clear();
        touched.clear();
    }

    /** Forgets the blocks of a transaction rolled back. */
    void clear() {
        open.values().forEach(this::release);
        open.clear();
        full.clear();
        touched.clear();
    }

    private void release(HistoryBlock.Writer block) {
        block.reset();
        if (spare.size() < 4_096) { // enough for the accounts a busy commit touches; the rest is garbage
            spare.push(block);
        }
    }

    private byte[] write(AccountId account, HistoryBlock.Writer block) throws SQLException {
        byte[] entries = block.bytes();
        insert.setLong(1, account.hi());
        insert.setLong(2, account.lo());
        insert.setLong(3, block.firstAt());
        insert.setInt(4, block.firstPart());
        insert.setBytes(5, entries);
        insert.executeUpdate();
        return entries;
    }
}
