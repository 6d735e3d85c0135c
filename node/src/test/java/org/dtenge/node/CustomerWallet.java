package org.dtenge.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Map;
import org.dtenge.node.auth.Base64Url;
import org.dtenge.node.auth.SigningKey;

/** A customer's retail wallet opened through the API, with the key the customer signs payments with. */
public record CustomerWallet(String address, SigningKey key) {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Opens a wallet of {@code tier} at {@code servicer} for a new key and cashes in {@code amount} ("0": nothing). */
    public static CustomerWallet open(ApiClient servicer, String tier, String amount) {
        SigningKey key = SigningKey.generate(RANDOM);
        ApiClient.Answer opened = servicer.post("/v1/wallets", Map.of("ownerKey", Base64Url.encode(key.publicKey()),
                "kind", "retail", "tier", tier));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String address = opened.text("address");
        if (!amount.equals("0")) {
            ApiClient.Answer in = servicer.post("/v1/cash-in", Map.of("id", Orders.id(), "wallet", address, "amount", amount));
            assertThat(in.status()).as(in.toString()).isEqualTo(201);
        }
        return new CustomerWallet(address, key);
    }
}
