package org.dtenge.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import org.junit.jupiter.api.Test;

class ImageTest {
    @Test
    void aRestoredLedgerContinuesExactlyLikeTheOriginal() throws IOException {
        Fixture original = new Fixture();
        original.batch.createPolicy(5, BuiltInPolicies.REVENUE_SPLIT, 0, 40, 500, 0);
        original.account(20, AccountKind.RETAIL).account(40, AccountKind.GOVERNMENT)
                .account(30, AccountKind.MERCHANT, Fixture.NO_LIMIT, Fixture.NO_LIMIT, Fixture.NO_LIMIT, 5, 0);
        original.commit();
        original.fund(20, 10_000);
        original.hold(1, 20, 30, 4_000, 30);
        original.hold(2, 20, 30, 1_000, 0);
        original.commit();

        Fixture restored = Fixture.resume(RandomLedgerTest.roundTrip(original.ledger), original.now);
        assertThat(restored.ledger.stateDigest()).isEqualTo(original.ledger.stateDigest());
        long later = original.now + 31 * Fixture.SECOND;
        for (Fixture f : new Fixture[] {original, restored}) {
            f.post(3, 2, 0);
            f.transfer(4, 20, 30, 5_001);
            f.transfer(5, 20, 30, 4_999);
            f.commitAt(later);
        }
        assertThat(restored.results.count()).isEqualTo(3);
        assertThat(restored.ledger.stateDigest()).isEqualTo(original.ledger.stateDigest());
        assertThat(restored.ledger.transfer(0, 1).orElseThrow().holdState()).isEqualTo(HoldState.EXPIRED);
        assertThat(restored.balance(40)).isEqualTo(300);
    }

    @Test
    void anImageIsFrozenAtCaptureEvenAsTheLedgerMovesOn() throws IOException {
        Fixture f = new Fixture();
        f.account(20, AccountKind.RETAIL).account(30, AccountKind.RETAIL);
        f.commit();
        f.fund(20, 100);
        byte[] before = f.ledger.stateDigest();
        LedgerImage image = f.ledger.capture();
        for (int i = 0; i < 100; i++) {
            f.transfer(1_000 + i, 20, 30, 1);
        }
        f.commit();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        image.writeTo(Channels.newChannel(bytes));
        Ledger restored = Ledger.restore(Channels.newChannel(new ByteArrayInputStream(bytes.toByteArray())),
                new BuiltInPolicies());
        assertThat(restored.stateDigest()).isEqualTo(before).isNotEqualTo(f.ledger.stateDigest());
    }

    @Test
    void aTruncatedImageIsRefusedWithAReason() throws IOException {
        Fixture f = new Fixture();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        f.ledger.capture().writeTo(Channels.newChannel(bytes));
        byte[] cut = java.util.Arrays.copyOf(bytes.toByteArray(), bytes.size() - 3);
        assertThatThrownBy(() -> Ledger.restore(Channels.newChannel(new ByteArrayInputStream(cut)),
                new BuiltInPolicies())).isInstanceOf(IOException.class).hasMessageContaining("ends early");
    }
}
