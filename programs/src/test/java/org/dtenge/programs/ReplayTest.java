package org.dtenge.programs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.dtenge.ledger.AccountKind;
import org.dtenge.ledger.EventBatch;
import org.dtenge.ledger.Ledger;
import org.dtenge.ledger.Result;
import org.dtenge.ledger.Results;
import org.junit.jupiter.api.Test;

/**
 * A journal with contracts replays to the same state and results, from genesis and from an image
 * taken at any batch boundary (including between a document's chunks, and after a pause).
 */
class ReplayTest {
    @Test
    void replayFromGenesisAndFromEveryImageGivesTheSameStateAndResults() throws IOException {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Book live = new Book();
        List<List<Result>> results = new ArrayList<>();
        List<byte[]> images = new ArrayList<>();
        List<Ledger> imageLedgers = new ArrayList<>();
        byte[] document = ContractRecords.document("Meals", "credit in ['" + Book.name(30) + "'] && amount <= 5000");
        List<byte[]> chunks = ContractRecords.textChunks(document);
        live.batch.record(chunks.get(0));
        results.add(live.commit());
        capture(live, images, imageLedgers); // between two chunks of one document
        for (int i = 1; i < chunks.size(); i++) {
            live.batch.record(chunks.get(i));
        }
        live.batch.createPolicy(7, ContractTemplate.GATE.code, Book.params(document, 7, 9002, GatePolicy.DEBITS, 0, 10));
        live.deploy(8, ContractTemplate.TAX_SPLIT, "VAT", "true", 9001, 1_200, 0, 0, 11, 5, 6);
        live.account(10, AccountKind.GOVERNMENT, 0).account(11, AccountKind.GOVERNMENT, 0)
                .account(20, AccountKind.PROGRAM, 7).account(30, AccountKind.MERCHANT, 8)
                .account(31, AccountKind.MERCHANT, 0);
        results.add(live.commit());
        live.fund(20, 1_000_000);
        results.add(List.of(Result.OK));
        for (int b = 0; b < 40; b++) {
            int events = 1 + random.nextInt(20);
            for (int e = 0; e < events; e++) {
                int pick = random.nextInt(10);
                if (pick == 0) {
                    live.status(7, random.nextBoolean() ? ContractStatus.PAUSED : ContractStatus.ACTIVE);
                } else {
                    live.transfer(b * 100L + e + 1, 20, random.nextBoolean() ? 30 : 31, 1 + random.nextInt(7_000),
                            random.nextInt(8) == 0 ? 6 : 0);
                }
            }
            results.add(live.commit());
            if (random.nextInt(4) == 0) {
                capture(live, images, imageLedgers);
            }
        }
        assertThat(results.stream().flatMap(List::stream)).as("seed %d", seed)
                .contains(Result.OK, Result.POLICY_REJECTED);
        byte[] digest = live.ledger.stateDigest();

        Ledger fromGenesis = new Ledger(new Ledger.Config(64, 64, Ledger.DAY_OFFSET_KAZAKHSTAN_SECONDS),
                new Contracts(new Conditions(), AccountNames.hex()));
        replay(fromGenesis, live.journal, 0);
        assertThat(fromGenesis.stateDigest()).as("seed %d", seed).isEqualTo(digest);

        for (Ledger image : imageLedgers) {
            Contracts fresh = new Contracts(new Conditions(), AccountNames.hex());
            Ledger restored = Book.roundTrip(image, fresh);
            replay(restored, live.journal, (int) restored.batchCount());
            assertThat(restored.stateDigest()).as("seed %d, image at batch %d", seed, image.batchCount())
                    .isEqualTo(digest);
            assertThat(fresh.contracts()).isEqualTo(live.contracts.contracts());
        }
    }

    private static void capture(Book live, List<byte[]> images, List<Ledger> ledgers) throws IOException {
        Contracts copy = new Contracts(new Conditions(), AccountNames.hex());
        ledgers.add(Book.roundTrip(live.ledger, copy)); // a detached copy at this boundary
        images.add(live.ledger.stateDigest());
        assertThat(ledgers.getLast().stateDigest()).isEqualTo(images.getLast());
    }

    private static void replay(Ledger ledger, List<EventBatch> journal, int from) {
        Results results = new Results();
        for (int i = from; i < journal.size(); i++) {
            ledger.apply(journal.get(i), results);
        }
    }
}
