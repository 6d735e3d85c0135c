package org.dtenge.node.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.dtenge.node.money.AccountId;
import org.dtenge.node.money.TransferId;
import org.dtenge.node.payment.Reference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * History packed into blocks reads back as the entries written, newest first, page by page: seeded
 * random runs with blocks that fill up (more than 256 entries of one account per commit), events with
 * policy legs split across blocks and commits, and random page sizes.
 */
class HistoryBlocksTest {
    private static final AccountId ACCOUNT = new AccountId(0, 7);
    private static final AccountId OTHER = new AccountId(0, 8);
    private static final AccountId[] COUNTERPARTIES = {OTHER, new AccountId(0xFFFF, -1L), new AccountId(1, 42)};

    @TempDir
    Path dir;

    @Test
    void pagesReadBackEveryEntryOnceNewestFirstAndNeverEndBetweenAnEventAndItsLegs() throws SQLException {
        for (long seed = 1; seed <= 20; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            try (ProjectionDb db = new ProjectionDb(dir.resolve("history-" + seed + ".db"))) {
                List<HistoryBlock.Entry> written = write(db, random);
                List<HistoryEntry> expected = written.stream()
                        .sorted(Comparator.comparingLong((HistoryBlock.Entry e) -> e.entry().atNanos())
                                .thenComparingInt(HistoryBlock.Entry::part).reversed())
                        .map(HistoryBlock.Entry::entry).toList();
                assertThat(expected).as("seed %d", seed).hasSize(written.size());
                ProjectionQueries queries = new ProjectionQueries(db);
                List<HistoryEntry> read = new ArrayList<>();
                long before = Long.MAX_VALUE;
                while (true) {
                    int limit = 1 + random.nextInt(40);
                    List<HistoryEntry> page = queries.history(ACCOUNT, limit, before);
                    if (page.isEmpty()) {
                        break;
                    }
                    assertThat(page.size()).as("seed %d", seed).isGreaterThanOrEqualTo(Math.min(limit, expected.size() - read.size()));
                    // Beyond the limit only the rest of the last event: the same time.
                    for (int i = limit; i < page.size(); i++) {
                        assertThat(page.get(i).atNanos()).as("seed %d", seed).isEqualTo(page.get(limit - 1).atNanos());
                    }
                    read.addAll(page);
                    before = page.getLast().atNanos();
                }
                assertThat(read).as("seed %d", seed).isEqualTo(expected);
            }
        }
    }

    /** Events of 1 to 4 parts in commits of random size, some entries to another account in between. */
    private static List<HistoryBlock.Entry> write(ProjectionDb db, SplittableRandom random) throws SQLException {
        HistoryBlocks blocks = new HistoryBlocks(db.writer(), db.uncommitted());
        List<HistoryBlock.Entry> written = new ArrayList<>();
        long at = 1_764_000_000_000_000_000L;
        long batch = 1;
        int events = 200 + random.nextInt(1_500);
        int commitEvery = random.nextBoolean() ? 60 : 1_000; // 1,000: blocks fill up (256 entries) and go out early
        for (int e = 0; e < events; e++) {
            at += 1 + random.nextInt(3);
            int parts = random.nextInt(10) == 0 ? 1 + random.nextInt(4) : 1;
            for (int part = 0; part < parts; part++) {
                TransferId id = new TransferId(random.nextLong(), random.nextLong() | 1);
                long amount = random.nextBoolean() ? 1 + random.nextInt(1_000_000) : -1 - random.nextInt(1_000_000);
                Category category = Category.values()[random.nextInt(Category.values().length)];
                Reference reference = random.nextBoolean() ? Reference.NONE : new Reference(random.nextLong(), random.nextLong());
                int purpose = random.nextBoolean() ? 0 : random.nextInt(1_000);
                AccountId counterparty = COUNTERPARTIES[random.nextInt(random.nextBoolean() ? 1 : COUNTERPARTIES.length)];
                blocks.add(ACCOUNT, at, part, id, amount, counterparty, category, purpose, reference, batch);
                written.add(new HistoryBlock.Entry(new HistoryEntry(at, id, amount, counterparty, category.label, purpose, reference,
                        batch), part));
                if (random.nextInt(8) == 0) {
                    blocks.add(OTHER, at, part, id, -amount, ACCOUNT, category, purpose, reference, batch);
                }
            }
            if (random.nextInt(commitEvery) == 0) {
                blocks.flush();
                db.writer().commit();
                batch++;
            }
        }
        blocks.flush();
        db.writer().commit();
        return written;
    }
}
