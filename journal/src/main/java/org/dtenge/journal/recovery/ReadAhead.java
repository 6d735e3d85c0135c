package org.dtenge.journal.recovery;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.dtenge.journal.BatchConsumer;
import org.dtenge.journal.BatchHeader;
import org.dtenge.journal.Journal;
import org.dtenge.ledger.EventBatch;
import org.dtenge.ledger.Results;

/**
 * Replays a journal with the reading and checking (CRCs, hash chain, Merkle root) of the next batches
 * on a second thread while the caller applies the current one: on two cores recovery then takes the
 * longer of the two rather than their sum. Batches still reach the consumer one at a time, in order.
 */
final class ReadAhead {
    private static final int BUFFERS = 3;

    private ReadAhead() {}

    /** A batch read and checked, or the reason the reader stopped. */
    private static final class Item {
        final EventBatch batch = new EventBatch();
        final Results results = new Results();
        BatchHeader header;
        IOException failure;
        boolean end;
    }

    static void replay(Journal journal, long from, long to, BatchConsumer consumer) throws IOException {
        BlockingQueue<Item> empty = new ArrayBlockingQueue<>(BUFFERS);
        BlockingQueue<Item> full = new ArrayBlockingQueue<>(BUFFERS);
        for (int i = 0; i < BUFFERS; i++) {
            empty.add(new Item());
        }
        Thread reader = Thread.ofPlatform().name("dtenge-replay-reader").daemon().start(() -> read(journal, from, to, empty, full));
        try {
            while (true) {
                Item item = full.take();
                if (item.failure != null) {
                    throw item.failure;
                }
                if (item.end) {
                    return;
                }
                consumer.accept(item.header, item.batch, item.results);
                empty.put(item);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("replay interrupted");
        } finally {
            reader.interrupt();
            try {
                reader.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void read(Journal journal, long from, long to, BlockingQueue<Item> empty, BlockingQueue<Item> full) {
        try {
            for (long sequence = from; sequence <= to; sequence++) {
                Item item = empty.take();
                try {
                    item.header = journal.read(sequence, item.batch, item.results);
                } catch (IOException e) {
                    item.failure = e;
                    full.put(item);
                    return;
                }
                full.put(item);
            }
            Item last = empty.take();
            last.end = true;
            full.put(last);
        } catch (InterruptedException e) {
            // The consumer stopped early (it failed, or was interrupted): nothing more to read.
        }
    }
}
