package org.dtenge.node.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.dtenge.journal.BatchHeader;
import org.dtenge.ledger.AccountKind;
import org.dtenge.ledger.BuiltInPolicies;
import org.dtenge.ledger.Event;
import org.dtenge.ledger.EventBatch;
import org.dtenge.ledger.Ledger;
import org.dtenge.ledger.Result;
import org.dtenge.ledger.Results;
import org.dtenge.node.chain.AccountDirectory;
import org.dtenge.node.money.AccountId;
import org.dtenge.node.money.TransferId;
import org.dtenge.node.participant.ParticipantRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The projection of money that moves other than by a plain transfer: holds (nothing moves), posts
 * (the posted amount moves, in full or in part), voids (nothing moves) and policy legs (read from the
 * ledger, in the history of both sides). A real ledger applies the batches; its balances must equal
 * the sums of the projected history.
 */
class ProjectorTest {
    private static final int DT = 1;
    private static final long ISSUER = 1;
    private static final long ALICE = 2;
    private static final long SHOP = 3;
    private static final long TAX = 4;
    private static final long BOB = 5;
    private static final long SECOND = 1_000_000_000L;

    @TempDir
    Path dir;
    private final Ledger ledger = new Ledger(new Ledger.Config(64, 1024, 0), new BuiltInPolicies());
    private ProjectionDb db;
    private Projector projector;
    private long sequence;
    private long now = 1_764_000_000L * SECOND;

    @BeforeEach
    void open() throws SQLException, IOException {
        db = new ProjectionDb(dir.resolve("projections.db"));
        projector = new Projector(db.writer(), db.uncommitted(), db.signatures(), new AccountDirectory(),
                new ParticipantRegistry(), 0, tier -> "tier", code -> false, this::fromLedger);
        EventBatch genesis = new EventBatch(16);
        genesis.createAsset(DT, "KZT", 2, 0, ISSUER);
        genesis.createPolicy(1, BuiltInPolicies.REVENUE_SPLIT, 0, TAX, 1_200, 77); // 12% of what the shop receives
        account(genesis, ISSUER, AccountKind.ISSUANCE, 0);
        account(genesis, ALICE, AccountKind.RETAIL, 0);
        account(genesis, SHOP, AccountKind.MERCHANT, 1);
        account(genesis, TAX, AccountKind.GOVERNMENT, 0);
        account(genesis, BOB, AccountKind.RETAIL, 0);
        genesis.transfer(0, 100, 0, ISSUER, 0, ALICE, 10_000, DT, 0);
        assertThat(apply(genesis)).containsOnly(Result.OK);
    }

    /** What the node's TransferLookup does, on the test's ledger. */
    private java.util.Map<TransferId, org.dtenge.ledger.Transfer> fromLedger(java.util.Collection<TransferId> ids) {
        java.util.Map<TransferId, org.dtenge.ledger.Transfer> found = new java.util.HashMap<>();
        ids.forEach(id -> ledger.transfer(id.hi(), id.lo()).ifPresent(t -> found.put(id, t)));
        return found;
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static void account(EventBatch batch, long id, AccountKind kind, int policy) {
        batch.createAccount(0, id, DT, kind, 7, new byte[32], 1, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, policy, 0);
    }

    /** Applies to the ledger, then projects with the results, as the node does, and commits. */
    private List<Result> apply(EventBatch batch) throws SQLException, IOException {
        List<Result> out = applyUncommitted(batch);
        projector.commit();
        return out;
    }

    /** As above, but only shows readers the result, as the worker does between commits. */
    private List<Result> applyUncommitted(EventBatch batch) throws SQLException, IOException {
        now += SECOND;
        batch.timestampNanos(now);
        Results results = new Results();
        ledger.apply(batch, results);
        sequence++;
        BatchHeader header = BatchHeader.write(ByteBuffer.allocate(BatchHeader.SIZE).order(ByteOrder.LITTLE_ENDIAN), 0,
                sequence, now, batch.count(), new byte[32], new byte[32], 0, sha256());
        projector.apply(header, batch, results, 0);
        projector.publish();
        List<Result> out = new ArrayList<>();
        for (int i = 0; i < results.count(); i++) {
            out.add(results.result(i));
        }
        return out;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The sum of an account's projected history. */
    private long historySum(long account) {
        return history(account).stream().mapToLong(HistoryEntry::amount).sum();
    }

    /** The transfers in an account's projected history. */
    private List<TransferId> transfersIn(long account) {
        return history(account).stream().map(HistoryEntry::transfer).toList();
    }

    private List<HistoryEntry> history(long account) {
        return new ProjectionQueries(db).history(new AccountId(0, account), 10_000, Long.MAX_VALUE);
    }

    private void assertHistoryMatchesTheLedger() {
        for (long account : new long[] {ISSUER, ALICE, SHOP, TAX, BOB}) {
            assertThat(historySum(account)).as("account %d", account).isEqualTo(ledger.account(0, account).orElseThrow().balance());
        }
    }

    @Test
    void aPolicyLegIsInTheHistoryOfBothItsSides() throws SQLException, IOException {
        EventBatch sale = new EventBatch(4);
        sale.transfer(0, 200, 0, ALICE, 0, SHOP, 1_000, DT, 0);
        assertThat(apply(sale)).containsExactly(Result.OK);
        assertThat(ledger.account(0, TAX).orElseThrow().balance()).isEqualTo(120);
        assertHistoryMatchesTheLedger();
        TransferId leg = new TransferId(Ledger.legIdHi(0, 0), Ledger.legIdLo(200, 0));
        assertThat(transfersIn(TAX)).containsExactly(leg);
        ProjectionQueries queries = new ProjectionQueries(db);
        List<HistoryEntry> shop = queries.history(new AccountId(0, SHOP), 10, Long.MAX_VALUE);
        assertThat(shop).extracting(HistoryEntry::amount).containsExactly(-120L, 1_000L); // newest first: the leg came after
        // A page of one does not end between the sale and its leg: both come, and the next page is empty.
        List<HistoryEntry> page = queries.history(new AccountId(0, SHOP), 1, Long.MAX_VALUE);
        assertThat(page).hasSize(2);
        assertThat(queries.history(new AccountId(0, SHOP), 1, page.getLast().atNanos())).isEmpty();
    }

    @Test
    void aHoldMovesNothingUntilItIsPostedAndThenOnlyWhatIsPosted() throws SQLException, IOException {
        EventBatch hold = new EventBatch(4);
        hold.transfer(0, 300, 0, ALICE, 0, BOB, 500, DT, Event.PENDING, 0, 0, 0, 0, 0, 3_600);
        assertThat(apply(hold)).containsExactly(Result.OK);
        assertThat(transfersIn(ALICE)).doesNotContain(new TransferId(0, 300)); // a hold moves nothing
        assertHistoryMatchesTheLedger();
        assertThat(historySum(BOB)).isZero();

        EventBatch post = new EventBatch(4);
        post.transfer(0, 301, 0, 0, 0, 0, 300, DT, Event.POST_PENDING, 0, 300, 0, 0, 0, 0);
        assertThat(apply(post)).containsExactly(Result.OK);
        assertThat(transfersIn(BOB)).containsExactly(new TransferId(0, 301));
        assertThat(historySum(BOB)).isEqualTo(300);
        assertHistoryMatchesTheLedger();

        EventBatch full = new EventBatch(4);
        full.transfer(0, 310, 0, ALICE, 0, BOB, 250, DT, Event.PENDING, 0, 0, 0, 0, 0, 3_600);
        full.transfer(0, 311, 0, 0, 0, 0, 0, DT, Event.POST_PENDING, 0, 310, 0, 0, 0, 0); // amount 0: the whole hold
        assertThat(apply(full)).containsExactly(Result.OK, Result.OK);
        assertThat(historySum(BOB)).isEqualTo(550);
        assertHistoryMatchesTheLedger();
    }

    @Test
    void aHoldProjectedBeforeARestartIsPostedFromWhatTheLedgerHolds() throws SQLException, IOException {
        EventBatch hold = new EventBatch(4);
        hold.transfer(0, 500, 0, ALICE, 0, BOB, 800, DT, Event.PENDING, 0, 0, 0, 0, 0, 3_600);
        assertThat(apply(hold)).containsExactly(Result.OK);
        // A new projector, as after a restart: the holds it saw open are forgotten; the ledger still has them.
        projector = new Projector(db.writer(), db.uncommitted(), db.signatures(), new AccountDirectory(),
                new ParticipantRegistry(), 0, tier -> "tier", code -> false, this::fromLedger);
        EventBatch post = new EventBatch(4);
        post.transfer(0, 501, 0, 0, 0, 0, 0, DT, Event.POST_PENDING, 0, 500, 0, 0, 0, 0);
        assertThat(apply(post)).containsExactly(Result.OK);
        assertThat(historySum(BOB)).isEqualTo(800);
        assertThat(transfersIn(ALICE)).containsExactly(new TransferId(0, 501), new TransferId(0, 100));
        assertHistoryMatchesTheLedger();
    }

    @Test
    void aVoidedHoldMovesNothingAndAPostedHoldToTheShopHasItsLeg() throws SQLException, IOException {
        EventBatch holds = new EventBatch(4);
        holds.transfer(0, 400, 0, ALICE, 0, BOB, 700, DT, Event.PENDING, 0, 0, 0, 0, 0, 3_600);
        holds.transfer(0, 401, 0, 0, 0, 0, 0, DT, Event.VOID_PENDING, 0, 400, 0, 0, 0, 0);
        holds.transfer(0, 402, 0, ALICE, 0, SHOP, 2_000, DT, Event.PENDING, 0, 0, 0, 0, 0, 3_600);
        holds.transfer(0, 403, 0, 0, 0, 0, 1_000, DT, Event.POST_PENDING, 0, 402, 0, 0, 0, 0);
        assertThat(apply(holds)).containsOnly(Result.OK);
        assertThat(transfersIn(ALICE)).doesNotContain(new TransferId(0, 400), new TransferId(0, 401), new TransferId(0, 402))
                .contains(new TransferId(0, 403));
        assertThat(historySum(BOB)).isZero();
        assertThat(historySum(TAX)).isEqualTo(120); // 12% of the 1,000 posted, not of the 2,000 held
        assertHistoryMatchesTheLedger();
    }

    @Test
    void historyAndSignaturesAreReadableBeforeTheirCommitAndNeverTwiceAfterIt() throws SQLException, IOException {
        EventBatch payment = new EventBatch(2);
        payment.transfer(0, 600, 0, ALICE, 0, BOB, 100, DT, Event.LINKED, 0, 0, 0, 0, 0, 0);
        byte[] signature = new byte[64];
        signature[0] = 7;
        payment.record(new org.dtenge.node.chain.SignatureRecord(new TransferId(0, 600), 1_800_000_000_000L, signature).encode());
        assertThat(applyUncommitted(payment)).containsOnly(Result.OK);
        long paidAt = now;
        ProjectionQueries queries = new ProjectionQueries(db);
        assertThat(transfersIn(BOB)).containsExactly(new TransferId(0, 600));
        assertThat(transfersIn(ALICE)).containsExactly(new TransferId(0, 600), new TransferId(0, 100));
        assertThat(queries.signature(new TransferId(0, 600), paidAt)).hasValueSatisfying(s -> {
            assertThat(s.signature()).isEqualTo(signature);
            assertThat(s.expiresAtMillis()).isEqualTo(1_800_000_000_000L);
        });

        // Between the commit and the clearing of what was uncommitted, both hold the payment: it comes once.
        projector.commit();
        assertThat(transfersIn(ALICE)).containsExactly(new TransferId(0, 600), new TransferId(0, 100));
        assertHistoryMatchesTheLedger();

        // More 256 entries than a block holds, uncommitted, on top of the committed and the stale ones.
        List<TransferId> expected = new ArrayList<>(List.of(new TransferId(0, 600), new TransferId(0, 100)));
        EventBatch many = new EventBatch(300);
        for (int i = 0; i < 300; i++) {
            many.transfer(0, 1_000 + i, 0, ALICE, 0, BOB, 1, DT, 0);
            expected.addFirst(new TransferId(0, 1_000 + i));
        }
        assertThat(applyUncommitted(many)).containsOnly(Result.OK);
        assertThat(pages(ALICE, 7)).containsExactlyElementsOf(expected);
        assertHistoryMatchesTheLedger();

        projector.commit();
        assertThat(pages(ALICE, 7)).containsExactlyElementsOf(expected);
        db.uncommitted().clear();
        assertThat(pages(ALICE, 7)).containsExactlyElementsOf(expected);
        assertThat(pages(BOB, 300)).hasSize(301);
        assertHistoryMatchesTheLedger();
        assertThat(queries.signature(new TransferId(0, 600), paidAt)).isPresent();
    }

    /** An account's whole history read in pages of {@code limit}, newest first. */
    private List<TransferId> pages(long account, int limit) {
        ProjectionQueries queries = new ProjectionQueries(db);
        List<TransferId> all = new ArrayList<>();
        long before = Long.MAX_VALUE;
        while (true) {
            List<HistoryEntry> page = queries.history(new AccountId(0, account), limit, before);
            if (page.isEmpty()) {
                return all;
            }
            page.forEach(e -> all.add(e.transfer()));
            before = page.getLast().atNanos();
        }
    }
}
