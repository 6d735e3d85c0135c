package org.dtenge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.dtenge.ledger.AccountKind;
import org.dtenge.node.auth.Base64Url;
import org.dtenge.node.auth.Credentials;
import org.dtenge.node.auth.KeyFiles;
import org.dtenge.node.auth.RequestSigner;
import org.dtenge.node.auth.SessionSigner;
import org.dtenge.node.auth.SigningKey;
import org.dtenge.node.money.AccountId;
import org.dtenge.node.money.TransferId;

/**
 * What the load runs against, set up through the API itself: the bank's signing key (from the key
 * file genesis wrote) and a session opened with it, as a bank's busy gateway would; its reserve account (from GET /v1/participants), and wallets opened at the bank
 * with fresh keys (POST /v1/wallets, tier full) and cashed in (POST /v1/cash-in).
 */
record BenchNetwork(String bank, Credentials signer, AccountId reserve, List<Wallet> wallets) {
    static final String BANK = "halyk";
    static final long BANK_CODE = 601;

    /** A wallet and its owner's key, which signs its payments. */
    record Wallet(AccountId id, String address, SigningKey key) {}

    static BenchNetwork open(Transport transport, Path dataDir, int walletCount, String cashIn, int parallelism)
            throws IOException, InterruptedException {
        ObjectMapper json = new ObjectMapper();
        SigningKey bankKey = KeyFiles.readPrivate(dataDir.resolve("keys").resolve(BANK + ".key"));
        Credentials signer = session(transport, new RequestSigner(BANK, bankKey), json);
        AccountId reserve = reserve(transport, signer, json);
        SecureRandom random = new SecureRandom();
        List<SigningKey> keys = new ArrayList<>();
        for (int i = 0; i < walletCount; i++) {
            keys.add(SigningKey.generate(random));
        }
        List<Wallet> wallets = parallel(parallelism, walletCount, i -> openWallet(transport, signer, json, keys.get(i)));
        parallel(parallelism, walletCount, i -> cashIn(transport, signer, wallets.get(i), cashIn, random));
        return new BenchNetwork(BANK, signer, reserve, List.copyOf(wallets));
    }

    /** Opens a session (POST /v1/sessions): one Ed25519 signature for the whole run, HMAC per request. */
    private static Credentials session(Transport transport, RequestSigner key, ObjectMapper json)
            throws IOException, InterruptedException {
        JsonNode session = json.readTree(expect(transport, SignedRequest.post(key, "/v1/sessions", new byte[0]), 201).body());
        return new SessionSigner(session.get("session").textValue(), Base64Url.decode(session.get("key").textValue())
                .orElseThrow());
    }

    private static AccountId reserve(Transport transport, Credentials signer, ObjectMapper json)
            throws IOException, InterruptedException {
        Transport.Answer answer = expect(transport, SignedRequest.get(signer, "/v1/participants"), 200);
        for (JsonNode participant : json.readTree(answer.body()).get("participants")) {
            if (participant.get("id").textValue().equals(BANK)) {
                String address = participant.get("account").textValue();
                AccountId id = AccountId.derive(BANK_CODE, AccountKind.BANK_RESERVE, Base64Url.decode(
                        participant.get("publicKey").textValue()).orElseThrow());
                check(id.address().equals(address), "the reserve address " + address + " is not the one derived from the key");
                return id;
            }
        }
        throw new IllegalStateException("no participant " + BANK + " in GET /v1/participants: " + answer);
    }

    private static Wallet openWallet(Transport transport, Credentials signer, ObjectMapper json, SigningKey key)
            throws IOException, InterruptedException {
        String body = "{\"ownerKey\":\"" + Base64Url.encode(key.publicKey()) + "\",\"kind\":\"retail\",\"tier\":\"full\"}";
        Transport.Answer answer = expect(transport, SignedRequest.post(signer, "/v1/wallets",
                body.getBytes(StandardCharsets.UTF_8)), 201);
        String address = json.readTree(answer.body()).get("address").textValue();
        AccountId id = AccountId.derive(BANK_CODE, AccountKind.RETAIL, key.publicKey());
        check(id.address().equals(address), "the wallet address " + address + " is not the one derived from the key");
        return new Wallet(id, address, key);
    }

    private static Void cashIn(Transport transport, Credentials signer, Wallet wallet, String amount, SecureRandom random)
            throws IOException, InterruptedException {
        String body = "{\"id\":\"" + TransferId.random(random).hex() + "\",\"wallet\":\"" + wallet.address()
                + "\",\"amount\":\"" + amount + "\"}";
        expect(transport, SignedRequest.post(signer, "/v1/cash-in", body.getBytes(StandardCharsets.UTF_8)), 201);
        return null;
    }

    private static Transport.Answer expect(Transport transport, SignedRequest request, int status)
            throws IOException, InterruptedException {
        Transport.Answer answer = transport.send(transport.prepare(request));
        if (answer.status() != status) {
            throw new IllegalStateException(request.method() + " " + request.path() + " answered " + answer.status() + ": "
                    + new String(answer.body(), StandardCharsets.UTF_8));
        }
        return answer;
    }

    /** A step of the setup, for item {@code i}. */
    @FunctionalInterface
    interface Step<T> {
        T run(int i) throws IOException, InterruptedException;
    }

    /** Runs {@code step} for 0..n-1 on {@code threads} threads; the results in order. */
    static <T> List<T> parallel(int threads, int n, Step<T> step) throws InterruptedException {
        try (ExecutorService pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("bench-setup-", 0).factory())) {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int item = i;
                futures.add(pool.submit(() -> step.run(item)));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                try {
                    results.add(future.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("setup failed: " + e.getCause().getMessage(), e.getCause());
                }
            }
            return results;
        }
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException(what);
        }
    }
}
