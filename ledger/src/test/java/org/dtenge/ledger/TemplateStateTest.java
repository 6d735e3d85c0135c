package org.dtenge.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import org.junit.jupiter.api.Test;

/**
 * Templates that keep state: they see every applied RECORD in order, their state travels in the
 * image, and a restored ledger decides as the live one did.
 */
class TemplateStateTest {
    private static final int GATE = 50;
    private static final int REASON_CLOSED = 9;

    /** A gate that opens and closes on RECORD payloads starting with 'O' or 'C' (the state is one byte). */
    private static final class Gates implements PolicyTemplates {
        boolean open;
        int recordsSeen;

        @Override
        public Instance create(int template, long[] params) {
            if (template != GATE) {
                return new UnknownTemplate();
            }
            return new Created(new Policy() {
                @Override
                public int onDebit(PolicyContext transfer, Legs legs) {
                    return open ? ALLOW : REASON_CLOSED;
                }

                @Override
                public int onCredit(PolicyContext transfer, Legs legs) {
                    return ALLOW;
                }
            });
        }

        @Override
        public void onRecord(ByteBuffer payload, int offset, long timestampNanos) {
            recordsSeen++;
            byte b = payload.get(offset);
            if (b == 'O' || b == 'C') {
                open = b == 'O';
            }
        }

        @Override
        public byte[] capture() {
            return open ? new byte[] {1} : new byte[0];
        }

        @Override
        public boolean restore(byte[] state) {
            if (state.length > 1 || state.length == 1 && state[0] != 1) {
                return false;
            }
            open = state.length == 1;
            return true;
        }
    }

    private static Fixture gated(Gates gates) {
        Fixture f = new Fixture(new Ledger(new Ledger.Config(64, 64, Ledger.DAY_OFFSET_KAZAKHSTAN_SECONDS), gates));
        f.batch.createPolicy(3, GATE);
        f.account(20, AccountKind.PROGRAM, Fixture.NO_LIMIT, Fixture.NO_LIMIT, Fixture.NO_LIMIT, 3, 0)
                .account(30, AccountKind.MERCHANT);
        assertThat(f.commit()).containsOnly(Result.OK);
        f.fund(20, 1_000);
        return f;
    }

    @Test
    void recordsReachTheTemplatesInJournalOrderWithinABatch() {
        Gates gates = new Gates();
        Fixture f = gated(gates);
        f.transfer(1, 20, 30, 10);
        f.batch.record(new byte[] {'O'});
        f.transfer(2, 20, 30, 10);
        f.batch.record(new byte[] {'C'});
        f.transfer(3, 20, 30, 10);
        assertThat(f.commit()).containsExactly(Result.POLICY_REJECTED, Result.OK, Result.OK, Result.OK,
                Result.POLICY_REJECTED);
        assertThat(f.results.reason(4)).isEqualTo(REASON_CLOSED);
        assertThat(f.balance(30)).isEqualTo(10);
        assertThat(gates.recordsSeen).isEqualTo(2);
    }

    @Test
    void aRecordWithFlagsIsRefusedAndNotShownToTheTemplates() {
        Gates gates = new Gates();
        Fixture f = gated(gates);
        f.batch.record(new byte[] {'O'});
        f.batch.buffer().putShort((f.batch.count() - 1) * Event.SIZE + Event.FLAGS, (short) Event.LINKED);
        f.transfer(1, 20, 30, 10);
        assertThat(f.commit()).containsExactly(Result.UNKNOWN_FLAGS, Result.LINKED_EVENT_FAILED);
        assertThat(gates.recordsSeen).isZero();
    }

    @Test
    void theTemplateStateTravelsInTheImageAndChangesTheDigest() throws IOException {
        Gates gates = new Gates();
        Fixture f = gated(gates);
        byte[] closedDigest = f.ledger.stateDigest();
        f.batch.record(new byte[] {'O'});
        f.commit();
        assertThat(f.ledger.stateDigest()).isNotEqualTo(closedDigest);

        Gates restoredGates = new Gates();
        Ledger restored = Ledger.restore(Channels.newChannel(new ByteArrayInputStream(image(f.ledger))), restoredGates);
        assertThat(restoredGates.open).isTrue();
        assertThat(restored.stateDigest()).isEqualTo(f.ledger.stateDigest());
        Fixture again = Fixture.resume(restored, f.now);
        again.transfer(1, 20, 30, 10);
        assertThat(again.one()).isEqualTo(Result.OK);
    }

    @Test
    void statelessTemplatesKeepTheVersionOneImage() throws IOException {
        byte[] bytes = image(new Fixture().ledger);
        assertThat(ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt(4)).isEqualTo(1);
    }

    @Test
    void stateTheTemplatesCannotReadIsRefused() throws IOException {
        Gates gates = new Gates();
        Fixture f = gated(gates);
        f.batch.record(new byte[] {'O'});
        f.commit();
        byte[] bytes = image(f.ledger);
        assertThatThrownBy(() -> Ledger.restore(Channels.newChannel(new ByteArrayInputStream(bytes)),
                new BuiltInPolicies())).isInstanceOf(IOException.class).hasMessageContaining("template state");
    }

    @Test
    void aPolicySeesWhichPoliciesBothAccountsCarry() {
        int[] seen = new int[2];
        PolicyTemplates spy = (template, params) -> new PolicyTemplates.Created(new Policy() {
            @Override
            public int onDebit(PolicyContext transfer, Legs legs) {
                seen[0] = transfer.debitPolicy();
                seen[1] = transfer.creditPolicy();
                return ALLOW;
            }

            @Override
            public int onCredit(PolicyContext transfer, Legs legs) {
                return ALLOW;
            }
        });
        Fixture f = new Fixture(new Ledger(new Ledger.Config(64, 64, Ledger.DAY_OFFSET_KAZAKHSTAN_SECONDS), spy));
        f.batch.createPolicy(3, 77);
        f.batch.createPolicy(4, 77);
        f.account(20, AccountKind.PROGRAM, Fixture.NO_LIMIT, Fixture.NO_LIMIT, Fixture.NO_LIMIT, 3, 0)
                .account(30, AccountKind.PROGRAM, Fixture.NO_LIMIT, Fixture.NO_LIMIT, Fixture.NO_LIMIT, 4, 0)
                .account(40, AccountKind.RETAIL);
        f.commit();
        f.fund(20, 100);
        f.transfer(1, 20, 30, 10);
        f.commit();
        assertThat(seen).containsExactly(3, 4);
        f.transfer(2, 20, 40, 10);
        f.commit();
        assertThat(seen).containsExactly(3, 0);
    }

    @Test
    void aNewLedgerStartsItsTemplatesEmpty() {
        Gates gates = new Gates();
        gates.open = true;
        new Ledger(new Ledger.Config(64, 64, Ledger.DAY_OFFSET_KAZAKHSTAN_SECONDS), gates);
        assertThat(gates.open).isFalse();
    }

    private static byte[] image(Ledger ledger) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ledger.capture().writeTo(Channels.newChannel(out));
        return out.toByteArray();
    }
}
