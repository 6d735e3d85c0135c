package org.dtenge.node.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.dtenge.node.auth.SigningKey;
import org.dtenge.node.money.AccountId;
import org.dtenge.node.money.TransferId;
import org.junit.jupiter.api.Test;

/** The canonical encoding that payers sign: fixed layout, every field covered. */
class PaymentOrderTest {
    private static final PaymentOrder ORDER = new PaymentOrder(new TransferId(0x0102030405060708L, 0x090A0B0C0D0E0F10L),
            new AccountId(0x1112, 0x131415161718191AL), new AccountId(0x2122, 0x232425262728292AL), 150_000, 1, 5411,
            Reference.of("INV-42").orElseThrow(), 1_764_068_400_000L);

    @Test
    void theEncodingIsTheDocumentedLayout() {
        String expected = HexFormat.of().formatHex("DTENGE-PAYMENT-1".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                + "0102030405060708" + "090a0b0c0d0e0f10"      // payment id
                + "0000000000001112" + "131415161718191a"      // payer
                + "0000000000002122" + "232425262728292a"      // payee
                + "00000000000249f0"                            // amount: 150,000 tiyn = 1,500.00 KZT
                + "00000001"                                    // asset: DT
                + "00001523"                                    // purpose 5411
                + "494e562d3432000000000000" + "00000000"       // reference "INV-42", zero-padded to 16
                + "0000019abaab9b80";                           // expiry, Unix ms
        assertThat(ORDER.encode()).hasSize(PaymentOrder.SIZE);
        assertThat(HexFormat.of().formatHex(ORDER.encode())).isEqualTo(expected);
    }

    @Test
    void aSignatureCoversEveryByte() {
        SigningKey payer = SigningKey.generate(new SecureRandom());
        byte[] signature = ORDER.sign(payer);
        assertThat(ORDER.verify(payer.publicKey(), signature)).isTrue();
        assertThat(ORDER.verify(SigningKey.generate(new SecureRandom()).publicKey(), signature)).isFalse();
        long seed = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed);
        byte[] encoded = ORDER.encode();
        for (int i = 0; i < encoded.length; i++) {
            byte[] changed = encoded.clone();
            changed[i] ^= (byte) (1 << random.nextInt(8));
            assertThat(org.dtenge.node.auth.Signatures.verify(payer.publicKey(), changed, signature)).as("seed %d byte %d", seed, i)
                    .isFalse();
        }
        PaymentOrder otherPayee = new PaymentOrder(ORDER.id(), ORDER.payer(), new AccountId(0x2122, 0x232425262728292BL),
                ORDER.amount(), 1, ORDER.purpose(), ORDER.reference(), ORDER.expiresAtMillis());
        assertThat(otherPayee.verify(payer.publicKey(), signature)).isFalse();
    }

    @Test
    void referencesAreShortPrintableAscii() {
        assertThat(Reference.of("INV-42").orElseThrow().text()).isEqualTo("INV-42");
        assertThat(Reference.of("").orElseThrow()).isEqualTo(Reference.NONE);
        assertThat(Reference.of("12345678901234567")).isEmpty();
        assertThat(Reference.of("счёт")).isEmpty();
        assertThat(Reference.of("tab\there")).isEmpty();
    }
}
