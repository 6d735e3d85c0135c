package org.dtenge.node.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Signs API requests as the node expects them (see docs/api.md, "Authentication"). Every request but
 * health, metrics and the API documents carries four headers:
 *
 * <pre>
 * Dtenge-Participant: halyk
 * Dtenge-Timestamp:   1764068400000            (Unix milliseconds; within 60 s of the node's clock)
 * Dtenge-Nonce:       7Qx2...                  (at least 16 characters, never reused)
 * Dtenge-Signature:   base64url(Ed25519(participant key, canonical request))
 * </pre>
 *
 * where the canonical request is the UTF-8 text
 *
 * <pre>
 * DTENGE-REQUEST-1 \n METHOD \n path-with-query \n timestamp \n nonce \n hex(SHA-256(body))
 * </pre>
 *
 * with the method in upper case, the path and query exactly as sent (percent-encoding included), and
 * the SHA-256 of the body bytes (of no bytes for a request without one) in lower-case hex.
 */
public final class RequestSigner implements Credentials {
    public static final String DOMAIN = "DTENGE-REQUEST-1";
    public static final String PARTICIPANT = "Dtenge-Participant";
    public static final String TIMESTAMP = "Dtenge-Timestamp";
    public static final String NONCE = "Dtenge-Nonce";
    public static final String SIGNATURE = "Dtenge-Signature";
    public static final int NONCE_LENGTH_MIN = 16;
    public static final int NONCE_LENGTH_MAX = 128;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String participant;
    private final SigningKey key;

    public RequestSigner(String participant, SigningKey key) {
        this.participant = participant;
        this.key = key;
    }

    /** The four headers for a request sent now with a fresh nonce, in a stable order. */
    @Override
    public Map<String, String> headers(String method, String pathWithQuery, byte[] body) {
        return headers(method, pathWithQuery, body, System.currentTimeMillis(), randomNonce());
    }

    public Map<String, String> headers(String method, String pathWithQuery, byte[] body, long timestampMillis, String nonce) {
        byte[] canonical = canonical(method, pathWithQuery, timestampMillis, nonce, body);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(PARTICIPANT, participant);
        headers.put(TIMESTAMP, Long.toString(timestampMillis));
        headers.put(NONCE, nonce);
        headers.put(SIGNATURE, Base64Url.encode(key.sign(canonical)));
        return headers;
    }

    /** The bytes that are signed. */
    public static byte[] canonical(String method, String pathWithQuery, long timestampMillis, String nonce, byte[] body) {
        String text = DOMAIN + "\n" + method.toUpperCase(java.util.Locale.ROOT) + "\n" + pathWithQuery + "\n"
                + timestampMillis + "\n" + nonce + "\n" + sha256Hex(body);
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public static String sha256Hex(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** 22 characters of base64url: 128 random bits. */
    public static String randomNonce() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64Url.encode(bytes);
    }
}
