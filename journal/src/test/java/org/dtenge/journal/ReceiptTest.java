package org.dtenge.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.dtenge.journal.FileJournalTest.Appended;
import org.dtenge.journal.storage.FileStorage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReceiptTest {
    @TempDir
    Path directory;
    private FileJournal journal;
    private List<Appended> appended;

    @BeforeEach
    void journal() throws IOException {
        journal = FileJournal.open(new FileStorage(directory), new JournalOptions(8192));
        appended = FileJournalTest.append(journal, new LedgerWorkload(41), 8, 40);
    }

    @org.junit.jupiter.api.AfterEach
    void close() throws IOException {
        journal.close();
    }

    @Test
    void everyEventOfEveryBatchHasAReceiptThatVerifiesAgainstTheHead() throws IOException {
        byte[] head = journal.head().hash();
        int checked = 0;
        for (Appended batch : appended) {
            long sequence = batch.header().sequence();
            for (int i = 0; i < batch.results().length; i++) {
                Receipt receipt = journal.receipt(sequence, i, journal.head().sequence());
                assertThat(receipt.event()).isEqualTo(Arrays.copyOfRange(batch.events(), i * 128, i * 128 + 128));
                assertThat(receipt.result()).isEqualTo(batch.results()[i]);
                assertThat(receipt.batch()).isEqualTo(batch.header());
                assertThat(receipt.laterBatches()).hasSize((int) (appended.size() - sequence));
                assertThat(receipt.head().hash()).isEqualTo(head);
                assertThat(ReceiptVerifier.verify(receipt, head)).as("batch %d event %d", sequence, i).isEqualTo(ReceiptVerdict.VALID);
                assertThat(ReceiptVerifier.verify(receipt.encode(), head)).isEqualTo(ReceiptVerdict.VALID);
                assertThat(Receipt.decode(receipt.encode()).encode()).isEqualTo(receipt.encode());
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(100);
    }

    @Test
    void aReceiptUpToAnEarlierHeadVerifiesAgainstThatHeadOnly() throws IOException {
        Receipt receipt = journal.receipt(3, 0, 5);
        assertThat(receipt.laterBatches()).extracting(BatchHeader::sequence).containsExactly(4L, 5L);
        assertThat(ReceiptVerifier.verify(receipt, appended.get(4).header().hash())).isEqualTo(ReceiptVerdict.VALID);
        assertThat(ReceiptVerifier.verify(receipt, journal.head().hash())).isEqualTo(ReceiptVerdict.HEAD_NOT_TRUSTED);
        Receipt own = journal.receipt(3, 0, 3);
        assertThat(ReceiptVerifier.verify(own, appended.get(2).header().hash())).isEqualTo(ReceiptVerdict.VALID);
    }

    @Test
    void tamperedReceiptsFail() throws IOException {
        byte[] head = journal.head().hash();
        Receipt receipt = journal.receipt(1, 1, journal.head().sequence()); // genesis: 25 events
        byte[] event = receipt.event();
        event[56] ^= 1;
        assertThat(ReceiptVerifier.verify(new Receipt(event, receipt.result(), receipt.index(), receipt.batch(),
                receipt.auditPath(), receipt.laterBatches()), head)).isEqualTo(ReceiptVerdict.NOT_IN_BATCH);
        assertThat(ReceiptVerifier.verify(new Receipt(receipt.event(), receipt.result() ^ 1, receipt.index(),
                receipt.batch(), receipt.auditPath(), receipt.laterBatches()), head)).isEqualTo(ReceiptVerdict.NOT_IN_BATCH);
        assertThat(ReceiptVerifier.verify(new Receipt(receipt.event(), receipt.result(), receipt.index() + 1,
                receipt.batch(), receipt.auditPath(), receipt.laterBatches()), head)).isEqualTo(ReceiptVerdict.NOT_IN_BATCH);
        assertThat(ReceiptVerifier.verify(new Receipt(receipt.event(), receipt.result(), 100_000,
                receipt.batch(), receipt.auditPath(), receipt.laterBatches()), head)).isEqualTo(ReceiptVerdict.INDEX_OUT_OF_RANGE);
        List<BatchHeader> skipped = new ArrayList<>(receipt.laterBatches());
        skipped.remove(2);
        assertThat(ReceiptVerifier.verify(new Receipt(receipt.event(), receipt.result(), receipt.index(),
                receipt.batch(), receipt.auditPath(), skipped), head)).isEqualTo(ReceiptVerdict.CHAIN_BROKEN);
        Appended biggest = appended.subList(1, appended.size()).stream()
                .max(java.util.Comparator.comparingInt(batch -> batch.results().length)).orElseThrow();
        assertThat(biggest.results().length).isGreaterThan(1);
        Receipt other = journal.receipt(biggest.header().sequence(), 0, journal.head().sequence());
        assertThat(ReceiptVerifier.verify(new Receipt(receipt.event(), receipt.result(), receipt.index(),
                other.batch(), receipt.auditPath(), other.laterBatches()), head)).isEqualTo(ReceiptVerdict.NOT_IN_BATCH);
        assertThat(ReceiptVerifier.verify(receipt, new byte[32])).isEqualTo(ReceiptVerdict.HEAD_NOT_TRUSTED);
        assertThat(ReceiptVerifier.verify(receipt, (byte[]) null)).isEqualTo(ReceiptVerdict.MALFORMED);
    }

    @Test
    void anyFlippedByteOfAnEncodedReceiptFailsVerification() throws IOException {
        byte[] head = journal.head().hash();
        for (long sequence : new long[] {1, 4, 8}) {
            byte[] encoded = journal.receipt(sequence, 0, journal.head().sequence()).encode();
            for (int at = 0; at < encoded.length; at++) {
                for (int bit = 0; bit < 8; bit++) {
                    byte[] damaged = encoded.clone();
                    damaged[at] ^= (byte) (1 << bit);
                    assertThat(ReceiptVerifier.verify(damaged, head)).as("batch %d byte %d bit %d", sequence, at, bit)
                            .isNotEqualTo(ReceiptVerdict.VALID);
                }
            }
        }
    }

    @Test
    void randomBytesNeverThrow() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        byte[] head = new byte[32];
        for (int i = 0; i < 2_000; i++) {
            byte[] bytes = new byte[random.nextInt(800)];
            random.nextBytes(bytes);
            if (bytes.length >= 8 && random.nextBoolean()) {
                java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(0, Receipt.MAGIC).putShort(4, (short) 1);
            }
            assertThat(ReceiptVerifier.verify(bytes, head)).as("seed %d", seed).isEqualTo(ReceiptVerdict.MALFORMED);
        }
    }

    @Test
    void receiptsOnlyForEventsAndHeadsThatExist() {
        long head = journal.head().sequence();
        assertThatThrownBy(() -> journal.receipt(2, 0, head + 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> journal.receipt(3, 0, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> journal.receipt(2, 10_000, head)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> journal.receipt(0, 0, head)).isInstanceOf(IllegalArgumentException.class);
    }
}
