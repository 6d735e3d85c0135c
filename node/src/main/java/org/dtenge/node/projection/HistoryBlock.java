package org.dtenge.node.projection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dtenge.node.money.AccountId;
import org.dtenge.node.money.TransferId;
import org.dtenge.node.payment.Reference;

/**
 * A run of one account's history entries, oldest first, packed into one row of the {@code history}
 * table: up to {@value #ENTRIES_MAX} entries. Writing one row per account per commit instead of one per
 * entry is what lets the projection keep up with batches (SQLite's cost is per row and per byte: a
 * batch of 8,190 payouts from a reserve to 1,000 wallets touches 1,001 accounts).
 *
 * <p>Each entry is packed against the one before it in the block, about 25 bytes instead of 83:
 * <pre>
 * flags:byte        bits 0-2 category, 3 same counterparty, 4 same batch, 5 purpose follows, 6 reference follows
 * at:varint         nanoseconds after the previous entry (after 0 for the first)
 * part:varint       0 for the event's own movement, 1 + k for its policy leg k
 * transfer:16 bytes
 * amount:zigzag varint
 * counterparty      varint hi, 8 bytes lo; absent when the same as before
 * batch:varint      batches after the previous entry's; absent when the same
 * purpose:varint, reference:16 bytes   when flagged
 * </pre>
 */
final class HistoryBlock {
    static final int ENTRIES_MAX = 256;
    private static final Category[] CATEGORIES = Category.values();
    private static final int SAME_COUNTERPARTY = 1 << 3;
    private static final int SAME_BATCH = 1 << 4;
    private static final int HAS_PURPOSE = 1 << 5;
    private static final int HAS_REFERENCE = 1 << 6;

    /** One entry with the part it has in its event. */
    record Entry(HistoryEntry entry, int part) {}

    /** Packs entries one after the other; reusable after {@link #reset}. */
    static final class Writer {
        private static final int KEPT_BYTES_MAX = 4_096;
        private byte[] bytes = new byte[128];
        private int size;
        private int count;
        private long firstAt;
        private int firstPart;
        private long lastAt;
        private long lastBatch;
        private long lastCounterpartyHi;
        private long lastCounterpartyLo;

        void add(long atNanos, int part, TransferId transfer, long amount, AccountId counterparty, Category category,
                 int purpose, Reference reference, long batch) {
            ensure(64);
            boolean sameCounterparty = count > 0 && counterparty.hi() == lastCounterpartyHi && counterparty.lo() == lastCounterpartyLo;
            boolean sameBatch = count > 0 && batch == lastBatch;
            boolean hasReference = reference.hi() != 0 || reference.lo() != 0;
            int flags = category.ordinal() | (sameCounterparty ? SAME_COUNTERPARTY : 0) | (sameBatch ? SAME_BATCH : 0)
                    | (purpose != 0 ? HAS_PURPOSE : 0) | (hasReference ? HAS_REFERENCE : 0);
            bytes[size++] = (byte) flags;
            varint(count == 0 ? atNanos : atNanos - lastAt);
            varint(part);
            fixed(transfer.hi());
            fixed(transfer.lo());
            varint((amount << 1) ^ (amount >> 63));
            if (!sameCounterparty) {
                varint(counterparty.hi());
                fixed(counterparty.lo());
            }
            if (!sameBatch) {
                varint(count == 0 ? batch : batch - lastBatch);
            }
            if (purpose != 0) {
                varint(Integer.toUnsignedLong(purpose));
            }
            if (hasReference) {
                fixed(reference.hi());
                fixed(reference.lo());
            }
            if (count == 0) {
                firstAt = atNanos;
                firstPart = part;
            }
            count++;
            lastAt = atNanos;
            lastBatch = batch;
            lastCounterpartyHi = counterparty.hi();
            lastCounterpartyLo = counterparty.lo();
        }

        int count() {
            return count;
        }

        long firstAt() {
            return firstAt;
        }

        int firstPart() {
            return firstPart;
        }

        byte[] bytes() {
            return Arrays.copyOf(bytes, size);
        }

        void reset() {
            size = 0;
            count = 0;
            if (bytes.length > KEPT_BYTES_MAX) { // a full block's array is not worth keeping for the next
                bytes = new byte[128];
            }
        }

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, size + more));
            }
        }

        private void varint(long value) {
            while ((value & ~0x7FL) != 0) {
                bytes[size++] = (byte) ((value & 0x7F) | 0x80);
                value >>>= 7;
            }
            bytes[size++] = (byte) value;
        }

        private void fixed(long value) {
            for (int shift = 56; shift >= 0; shift -= 8) {
                bytes[size++] = (byte) (value >>> shift);
            }
        }
    }

    private HistoryBlock() {}

    /** Every entry of a packed block, oldest first. */
    static List<Entry> read(byte[] block) {
        List<Entry> entries = new ArrayList<>();
        int[] at = {0};
        long time = 0;
        long batch = 0;
        long counterpartyHi = 0;
        long counterpartyLo = 0;
        while (at[0] < block.length) {
            int flags = block[at[0]++];
            time += varint(block, at);
            int part = (int) varint(block, at);
            TransferId transfer = new TransferId(fixed(block, at), fixed(block, at));
            long zigzag = varint(block, at);
            long amount = (zigzag >>> 1) ^ -(zigzag & 1);
            if ((flags & SAME_COUNTERPARTY) == 0) {
                counterpartyHi = varint(block, at);
                counterpartyLo = fixed(block, at);
            }
            if ((flags & SAME_BATCH) == 0) {
                batch += varint(block, at);
            }
            int purpose = (flags & HAS_PURPOSE) != 0 ? (int) varint(block, at) : 0;
            Reference reference = (flags & HAS_REFERENCE) != 0 ? new Reference(fixed(block, at), fixed(block, at)) : Reference.NONE;
            entries.add(new Entry(new HistoryEntry(time, transfer, amount, new AccountId(counterpartyHi, counterpartyLo),
                    CATEGORIES[flags & 7].label, purpose, reference, batch), part));
        }
        return entries;
    }

    /**
     * Adds the entries of {@code block} older than {@code beforeNanos} to {@code page}, newest first,
     * until the page holds {@code limit}; then only the rest of the last event (its other parts, at the
     * same time), so that a page never ends between an event and its legs.
     *
     * @return whether the page is complete (older blocks have nothing more for it)
     */
    static boolean fill(byte[] block, long beforeNanos, int limit, List<HistoryEntry> page) {
        List<Entry> entries = read(block);
        for (int i = entries.size() - 1; i >= 0; i--) {
            HistoryEntry e = entries.get(i).entry();
            if (e.atNanos() >= beforeNanos) {
                continue;
            }
            if (page.size() >= limit && e.atNanos() != page.getLast().atNanos()) {
                return true;
            }
            page.add(e);
        }
        return false;
    }

    private static long varint(byte[] block, int[] at) {
        long value = 0;
        for (int shift = 0; ; shift += 7) {
            byte b = block[at[0]++];
            value |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return value;
            }
        }
    }

    private static long fixed(byte[] block, int[] at) {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = value << 8 | (block[at[0]++] & 0xFF);
        }
        return value;
    }
}
