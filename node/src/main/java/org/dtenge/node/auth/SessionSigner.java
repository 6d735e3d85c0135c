package org.dtenge.node.auth;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Signs API requests with a session key (see {@link Sessions}): the same canonical text as
 * {@link RequestSigner}, authenticated with HMAC-SHA256 instead of Ed25519, and the session id in
 * place of the participant:
 *
 * <pre>
 * Dtenge-Session:   halyk.1764072000000.Qk3...    (from POST /v1/sessions)
 * Dtenge-Timestamp: 1764068400000
 * Dtenge-Nonce:     7Qx2...
 * Dtenge-Signature: base64url(HMAC-SHA256(session key, canonical request))
 * </pre>
 */
public final class SessionSigner implements Credentials {
    public static final String SESSION = "Dtenge-Session";

    private final String session;
    private final byte[] key;

    public SessionSigner(String session, byte[] key) {
        if (key.length != Sessions.KEY_SIZE) {
            throw new IllegalArgumentException("a session key is " + Sessions.KEY_SIZE + " bytes, not " + key.length);
        }
        this.session = session;
        this.key = key.clone();
    }

    /** The four headers for a request sent now with a fresh nonce, in a stable order. */
    @Override
    public Map<String, String> headers(String method, String pathWithQuery, byte[] body) {
        return headers(method, pathWithQuery, body, System.currentTimeMillis(), RequestSigner.randomNonce());
    }

    public Map<String, String> headers(String method, String pathWithQuery, byte[] body, long timestampMillis, String nonce) {
        byte[] canonical = RequestSigner.canonical(method, pathWithQuery, timestampMillis, nonce, body);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(SESSION, session);
        headers.put(RequestSigner.TIMESTAMP, Long.toString(timestampMillis));
        headers.put(RequestSigner.NONCE, nonce);
        headers.put(RequestSigner.SIGNATURE, Base64Url.encode(Sessions.mac(key, canonical)));
        return headers;
    }
}
