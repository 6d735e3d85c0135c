package org.dtenge.node.projection;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.dtenge.node.money.TransferId;

/**
 * The payer's signature and the order's expiry of every projected payment, as fixed records appended
 * in ledger-time order to a file beside projections.db, found again by binary search on that time.
 * An insert into SQLite cost the projection about 5 us a payment; an append here is a copy into a
 * buffer, written out when the projection publishes and synced before each SQLite commit.
 *
 * <p>projections.db records how many records its last commit covered (the {@code signatures} column of
 * {@code position}), in the same transaction as the position; records past that count belong to events
 * after the position, and are cut off at start and applied again. A file with fewer records than that
 * count is not the one the database was committed with, and {@link ProjectionDb} rebuilds both.
 *
 * <p>Record (big-endian, {@value #RECORD} bytes): ledger time of the transfer in ns (8), payment id
 * (16), expiry in Unix ms (8), Ed25519 signature (64). The projection's thread appends; request threads
 * find, reading only records already written.
 */
final class SignatureLog implements AutoCloseable {
    static final int RECORD = 96;
    private static final int BUFFERED_MAX = 1_024;

    private final FileChannel channel;
    private final ByteBuffer pending = ByteBuffer.allocate(RECORD * BUFFERED_MAX);
    /** Records in the file, written or not: the projection thread's count. */
    private long records;
    /** Records written to the file, which readers may read. */
    private volatile long written;
    /** Records the last SQLite commit covers. */
    private long committed;
    /** The ledger time of the last record: the next may not be earlier, or the search would miss it. */
    private long lastAt = Long.MIN_VALUE;

    private SignatureLog(FileChannel channel, long records) {
        this.channel = channel;
        this.records = records;
        this.written = records;
        this.committed = records;
    }

    /** Opens (or creates) the file; a record cut short by a crash is dropped. */
    static SignatureLog open(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        long whole = channel.size() / RECORD;
        if (channel.size() != whole * RECORD) {
            channel.truncate(whole * RECORD);
        }
        return new SignatureLog(channel, whole);
    }

    /** Records in the file, including those not yet written out. */
    long records() {
        return records;
    }

    /** Cuts the file to its first {@code count} records: those the projections' last commit covers. */
    void truncate(long count) throws IOException {
        if (count > written) {
            throw new IllegalArgumentException("the file holds " + written + " records written out, not " + count);
        }
        pending.clear();
        written = count; // first, so that readers stop short of what is cut
        channel.truncate(count * RECORD);
        records = count;
        committed = count;
        ByteBuffer time = ByteBuffer.allocate(8);
        lastAt = count > 0 && read(time, count - 1) ? time.getLong(0) : Long.MIN_VALUE;
    }

    void append(long atNanos, TransferId payment, long expiresAtMillis, byte[] signature) throws IOException {
        if (atNanos < lastAt) {
            throw new IllegalStateException("invariant broken: the signature of " + payment + " at " + atNanos
                    + " comes after one at " + lastAt + "; the ledger's times only rise");
        }
        if (signature.length != 64) {
            throw new IllegalArgumentException("an Ed25519 signature is 64 bytes, not " + signature.length);
        }
        if (!pending.hasRemaining()) {
            publish();
        }
        pending.putLong(atNanos).putLong(payment.hi()).putLong(payment.lo()).putLong(expiresAtMillis).put(signature);
        records++;
        lastAt = atNanos;
    }

    /** Writes what was appended, so that readers find it. */
    void publish() throws IOException {
        pending.flip();
        long at = written * RECORD;
        while (pending.hasRemaining()) {
            at += channel.write(pending, at);
        }
        pending.clear();
        written = records;
    }

    /** Writes and syncs everything appended: call before the SQLite commit that will count it. */
    void force() throws IOException {
        publish();
        channel.force(false);
    }

    /** The SQLite commit that counts every record so far is done. */
    void committed() {
        committed = records;
    }

    /** Forgets what was appended since the last commit, which SQLite rolled back. */
    void rollback() throws IOException {
        truncate(committed);
    }

    /** The signature of payment {@code id}, applied at ledger time {@code atNanos}, if it was written. */
    Optional<ProjectionQueries.Signature> find(TransferId id, long atNanos) throws IOException {
        long count = written;
        ByteBuffer time = ByteBuffer.allocate(8);
        long low = 0;
        long high = count;
        while (low < high) { // the first record at or after atNanos
            long middle = (low + high) >>> 1;
            if (!read(time.clear(), middle)) {
                return Optional.empty(); // cut off meanwhile by a rollback
            }
            if (time.getLong(0) < atNanos) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        ByteBuffer record = ByteBuffer.allocate(RECORD);
        for (long r = low; r < count && read(record.clear(), r) && record.getLong(0) == atNanos; r++) {
            if (record.getLong(8) == id.hi() && record.getLong(16) == id.lo()) {
                byte[] signature = new byte[64];
                record.get(32, signature);
                return Optional.of(new ProjectionQueries.Signature(signature, record.getLong(24)));
            }
        }
        return Optional.empty();
    }

    /** Reads the start of record {@code index} into {@code into}; false if the file is shorter now. */
    private boolean read(ByteBuffer into, long index) throws IOException {
        long at = index * RECORD;
        while (into.hasRemaining()) {
            int n = channel.read(into, at);
            if (n < 0) {
                return false;
            }
            at += n;
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
