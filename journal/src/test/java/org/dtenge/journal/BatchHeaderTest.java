package org.dtenge.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.Random;
import org.dtenge.ledger.EventBatch;
import org.dtenge.ledger.Results;
import org.junit.jupiter.api.Test;

class BatchHeaderTest {
    private final MessageDigest sha256 = Merkle.sha256();

    private BatchHeader sample(ByteBuffer into, Random random) {
        byte[] previous = new byte[32];
        byte[] root = new byte[32];
        random.nextBytes(previous);
        random.nextBytes(root);
        return BatchHeader.write(into, 0, 1 + random.nextInt(1_000_000), random.nextLong(),
                random.nextInt(EventBatch.EVENTS_MAX + 1), previous, root, random.nextInt(), sha256);
    }

    @Test
    void roundTripsEveryField() throws JournalCorruptException {
        Random random = new Random(11);
        ByteBuffer buffer = ByteBuffer.allocate(BatchHeader.SIZE).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 100; i++) {
            BatchHeader written = sample(buffer, random);
            BatchHeader read = BatchHeader.read(buffer, 0, sha256);
            assertThat(read.sequence()).isEqualTo(written.sequence());
            assertThat(read.timestampNanos()).isEqualTo(written.timestampNanos());
            assertThat(read.eventCount()).isEqualTo(written.eventCount());
            assertThat(read.bodyLength()).isEqualTo(written.eventCount() * 132);
            assertThat(read.previousHash()).isEqualTo(written.previousHash());
            assertThat(read.merkleRoot()).isEqualTo(written.merkleRoot());
            assertThat(read.bodyCrc()).isEqualTo(written.bodyCrc());
            assertThat(read.hash()).isEqualTo(written.hash()).isEqualTo(sha256.digest(java.util.Arrays.copyOf(buffer.array(), 100)));
            assertThat(read.toBytes()).isEqualTo(buffer.array());
            assertThat(BatchHeader.read(read.toBytes(), sha256)).isEqualTo(written);
        }
    }

    @Test
    void anyFlippedBitFailsTheCheck() {
        ByteBuffer buffer = ByteBuffer.allocate(BatchHeader.SIZE).order(ByteOrder.LITTLE_ENDIAN);
        sample(buffer, new Random(5));
        byte[] good = buffer.array().clone();
        for (int bit = 0; bit < BatchHeader.SIZE * 8; bit++) {
            byte[] bad = good.clone();
            bad[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThatThrownBy(() -> BatchHeader.read(bad, sha256)).as("bit %d", bit)
                    .isInstanceOf(JournalCorruptException.class);
        }
    }

    @Test
    void bodyRoundTripsEventsAndResults() {
        LedgerWorkload workload = new LedgerWorkload(3);
        workload.next(0);
        workload.next(500);
        EventBatch batch = workload.batch;
        Results results = workload.results;
        ByteBuffer body = ByteBuffer.allocate(BatchHeader.bodyLength(batch.count()) + 7).order(ByteOrder.LITTLE_ENDIAN);
        BatchBody.write(body, 7, batch, results);
        EventBatch readBatch = new EventBatch();
        Results readResults = new Results();
        BatchBody.read(body, 7, batch.count(), batch.timestampNanos(), readBatch, readResults);
        assertThat(readBatch.count()).isEqualTo(batch.count());
        assertThat(readBatch.timestampNanos()).isEqualTo(batch.timestampNanos());
        assertThat(java.util.Arrays.copyOf(readBatch.array(), batch.count() * 128))
                .isEqualTo(java.util.Arrays.copyOf(batch.array(), batch.count() * 128));
        for (int i = 0; i < batch.count(); i++) {
            assertThat(readResults.packed(i)).isEqualTo(results.packed(i));
        }
    }
}
