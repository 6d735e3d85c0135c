package org.dtenge.node.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.dtenge.node.ApiClient;
import org.dtenge.node.CustomerWallet;
import org.dtenge.node.EndToEndTest;
import org.dtenge.node.Orders;
import org.dtenge.node.auth.SigningKey;
import org.dtenge.node.money.TransferId;
import org.dtenge.node.payment.PaymentOrder;
import org.dtenge.node.payment.Reference;
import org.junit.jupiter.api.Test;

/**
 * POST /v1/payments/batch with binary records (application/vnd.dtenge.batch) through the real HTTP
 * server: each record answered on its own as in JSON, the answer listing only what did not commit; a
 * body that is not whole records, or has too many, is refused whole and changes nothing.
 */
class BinaryBatchTest extends EndToEndTest {
    private static final String TYPE = "application/vnd.dtenge.batch";
    private static final int RECORD = 152;

    /** One record: the order's signed fields, then the signature of {@code signer} (none when empty). */
    private static byte[] record(String id, String payer, String payee, long tiyn, Reference reference, Optional<SigningKey> signer) {
        PaymentOrder order = new PaymentOrder(TransferId.parse(id).orElseThrow(), Orders.account(payer), Orders.account(payee), tiyn,
                1, 0, reference, signer.isPresent() ? System.currentTimeMillis() + 60_000 : 0);
        byte[] signed = order.encode();
        byte[] record = Arrays.copyOf(Arrays.copyOfRange(signed, 16, signed.length), RECORD);
        signer.ifPresent(key -> System.arraycopy(key.sign(signed), 0, record, 88, 64));
        return record;
    }

    private static byte[] concat(List<byte[]> records) {
        ByteBuffer body = ByteBuffer.allocate(records.size() * RECORD);
        records.forEach(body::put);
        return body.array();
    }

    private static String balance(String address) {
        return halyk.get("/v1/wallets/" + address).text("balance");
    }

    @Test
    void eachRecordIsAnsweredOnItsOwnAndOnlyWhatDidNotCommitIsListed() throws Exception {
        CustomerWallet rich = funded("full", "1000.00");
        CustomerWallet poor = funded("anonymous", "1.00");
        String magnum = node.address("magnum");
        String reserve = node.address("halyk");
        String magnumBefore = balance(magnum);
        String repeated = Orders.id();
        String signedId = Orders.id();
        List<byte[]> records = new ArrayList<>();
        records.add(record(repeated, reserve, magnum, 1_000, Reference.NONE, Optional.empty()));
        records.add(record(signedId, rich.address(), magnum, 500, Reference.of("INV-7").orElseThrow(), Optional.of(rich.key())));
        records.add(record(Orders.id(), rich.address(), magnum, 500, Reference.NONE, Optional.empty())); // a wallet, unsigned
        records.add(record(Orders.id(), rich.address(), magnum, 500, Reference.NONE, Optional.of(poor.key()))); // forged
        records.add(record(Orders.id(), node.address("nurlan"), magnum, 500, Reference.NONE, Optional.of(node.key("nurlan"))));
        records.add(record(Orders.id(), poor.address(), magnum, 200, Reference.NONE, Optional.of(poor.key()))); // 2.00 of 1.00
        records.add(record(Orders.id(), reserve, magnum, 0, Reference.NONE, Optional.empty())); // amount 0 (see below)
        byte[] zeroPayer = record(Orders.id(), reserve, magnum, 100, Reference.NONE, Optional.empty());
        Arrays.fill(zeroPayer, 16, 32, (byte) 0);
        records.add(zeroPayer);
        records.add(record(repeated, reserve, magnum, 1_000, Reference.NONE, Optional.empty()));
        byte[] badReference = record(Orders.id(), reserve, magnum, 100, Reference.of("A").orElseThrow(), Optional.empty());
        badReference[64 + 5] = 'B'; // text after the zero padding
        records.add(badReference);

        ApiClient.Answer answer = halyk.post("/v1/payments/batch", concat(records), TYPE);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().get("committed").asInt()).isEqualTo(2);
        assertThat(answer.json().get("alreadyCommitted").asInt()).isEqualTo(1);
        assertThat(answer.json().get("refused").asInt()).isEqualTo(1);
        assertThat(answer.json().get("rejected").asInt()).isEqualTo(6);
        JsonNode items = answer.json().get("items");
        assertThat(items).hasSize(8);
        assertThat(items.get(0).get("index").asInt()).isEqualTo(2);
        assertThat(items.get(0).get("type").asText()).endsWith("invalid-payment-signature");
        assertThat(items.get(1).get("type").asText()).endsWith("invalid-payment-signature");
        assertThat(items.get(2).get("type").asText()).endsWith("account-not-serviced");
        assertThat(items.get(3).get("status").asText()).isEqualTo("refused");
        assertThat(items.get(3).get("result").asText()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(items.get(4).get("type").asText()).endsWith("invalid-amount");
        assertThat(items.get(4).get("detail").asText()).contains("record 6");
        assertThat(items.get(5).get("type").asText()).endsWith("invalid-address");
        assertThat(items.get(6).get("status").asText()).isEqualTo("already-committed");
        assertThat(items.get(6).get("id").asText()).isEqualTo(repeated);
        assertThat(items.get(7).get("type").asText()).endsWith("invalid-field");
        assertThat(balance(rich.address())).isEqualTo("995.00");
        assertThat(balance(poor.address())).isEqualTo("1.00");
        assertThat(new BigDecimal(balance(magnum))).isEqualByComparingTo(new BigDecimal(magnumBefore).add(new BigDecimal("15.00")));
        // The signed record is a payment like any other: its status carries the payer's signature and reference.
        ApiClient.Answer status = awaitSignature(signedId);
        assertThat(status.text("amount")).isEqualTo("5.00");
        assertThat(status.text("reference")).isEqualTo("INV-7");
    }

    private static ApiClient.Answer awaitSignature(String id) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5_000;
        while (true) {
            ApiClient.Answer status = halyk.get("/v1/payments/" + id);
            assertThat(status.status()).as(status.toString()).isEqualTo(200);
            if (status.json().has("signature") || System.currentTimeMillis() > deadline) {
                assertThat(status.json().has("signature")).as(status.toString()).isTrue();
                return status;
            }
            Thread.sleep(20);
        }
    }

    @Test
    void aBodyThatIsNotWholeRecordsIsRefusedWholeAndChangesNothing() {
        String reserve = node.address("halyk");
        String before = balance(reserve);
        byte[] record = record(Orders.id(), reserve, node.address("magnum"), 100, Reference.NONE, Optional.empty());
        ApiClient.Answer answer = halyk.post("/v1/payments/batch", Arrays.copyOf(record, RECORD - 1), TYPE);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.type()).isEqualTo("malformed-batch");
        assertThat(answer.text("detail")).contains("152").contains("151");
        assertThat(halyk.post("/v1/payments/batch", new byte[0], TYPE).status()).isEqualTo(400);
        assertThat(balance(reserve)).isEqualTo(before);
    }

    @Test
    void moreThan8190RecordsAreRefusedWhole() {
        String reserve = node.address("halyk");
        String before = balance(reserve);
        byte[] one = record(Orders.id(), reserve, node.address("magnum"), 100, Reference.NONE, Optional.empty());
        List<byte[]> records = new ArrayList<>();
        for (int i = 0; i < 8191; i++) {
            byte[] copy = one.clone();
            ByteBuffer.wrap(copy).putLong(8, i + 1L); // distinct ids
            records.add(copy);
        }
        ApiClient.Answer answer = halyk.post("/v1/payments/batch", concat(records), TYPE);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.type()).isEqualTo("too-many-items");
        assertThat(balance(reserve)).isEqualTo(before);
    }

    @Test
    void aCentralBankMayNotSubmitBatches() {
        String reserve = node.address("halyk");
        byte[] record = record(Orders.id(), reserve, node.address("magnum"), 100, Reference.NONE, Optional.empty());
        ApiClient.Answer answer = node.as("nbk").post("/v1/payments/batch", record, TYPE);
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.type()).isEqualTo("role-not-permitted");
    }

}
