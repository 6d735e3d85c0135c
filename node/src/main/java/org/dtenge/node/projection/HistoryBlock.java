package org.dtenge.node.projection;

import java.nio.ByteBuffer;
import java.util.List;
import org.dtenge.node.money.AccountId;
import org.dtenge.node.money.TransferId;
import org.dtenge.node.payment.Reference;

/**
 * The packed form of a run of one account's history entries: one row of the {@code history} table
 * holds up to {@value #ENTRIES_MAX} of them, oldest first, {@value #ENTRY_BYTES} bytes each. Writing
 * one row per account per commit instead of one per entry is what lets the projection keep up with
 * batches: SQLite's cost is per row, and a batch of 8,190 payouts from a reserve to 1,000 wallets
 * touches 1,001 accounts.
 *
 * <pre>
 * at_ns:long part:short transfer:long[2] amount:long counterparty:long[2] category:byte purpose:int
 * reference:long[2] batch:long
 * </pre>
 */
final class HistoryBlock {
    static final int ENTRIES_MAX = 256;
    static final int ENTRY_BYTES = 8 + 2 + 16 + 8 + 16 + 1 + 4 + 16 + 8;
    private static final Category[] CATEGORIES = Category.values();

    private HistoryBlock() {}

    /** One entry with the part it has in its event (0 for the event's own movement, 1 + k for policy leg k). */
    record Entry(HistoryEntry entry, int part) {}

    static void put(ByteBuffer into, long atNanos, int part, TransferId transfer, long amount, AccountId counterparty,
                    Category category, int purpose, Reference reference, long batch) {
        into.putLong(atNanos).putShort((short) part).putLong(transfer.hi()).putLong(transfer.lo()).putLong(amount)
                .putLong(counterparty.hi()).putLong(counterparty.lo()).put((byte) category.ordinal()).putInt(purpose)
                .putLong(reference.hi()).putLong(reference.lo()).putLong(batch);
    }

    /** Entry {@code i} of a packed block. */
    static Entry get(byte[] block, int i) {
        ByteBuffer b = ByteBuffer.wrap(block, i * ENTRY_BYTES, ENTRY_BYTES);
        long at = b.getLong();
        int part = b.getShort();
        TransferId transfer = new TransferId(b.getLong(), b.getLong());
        long amount = b.getLong();
        AccountId counterparty = new AccountId(b.getLong(), b.getLong());
        String category = CATEGORIES[b.get()].label;
        int purpose = b.getInt();
        Reference reference = new Reference(b.getLong(), b.getLong());
        long batch = b.getLong();
        return new Entry(new HistoryEntry(at, transfer, amount, counterparty, category, purpose, reference, batch), part);
    }

    static int count(byte[] block) {
        return block.length / ENTRY_BYTES;
    }

    /**
     * Adds the entries of {@code block} older than {@code beforeNanos} to {@code page}, newest first,
     * until the page holds {@code limit}; then only the rest of the last event (its other parts, at the
     * same time), so that a page never ends between an event and its legs.
     *
     * @return whether the page is complete (older blocks have nothing more for it)
     */
    static boolean fill(byte[] block, long beforeNanos, int limit, List<HistoryEntry> page) {
        for (int i = count(block) - 1; i >= 0; i--) {
            Entry e = get(block, i);
            long at = e.entry().atNanos();
            if (at >= beforeNanos) {
                continue;
            }
            if (page.size() >= limit && at != page.getLast().atNanos()) {
                return true;
            }
            page.add(e.entry());
        }
        return false;
    }
}
