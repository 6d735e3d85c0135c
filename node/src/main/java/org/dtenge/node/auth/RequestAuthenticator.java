package org.dtenge.node.auth;

import java.time.InstantSource;
import java.util.Optional;
import java.util.function.Function;
import org.dtenge.node.NodeException;
import org.dtenge.node.ProblemType;
import org.dtenge.node.participant.Participant;
import org.dtenge.node.participant.ParticipantRegistry;

/**
 * Checks a request's signature headers (see {@link RequestSigner}, or {@link SessionSigner} for a
 * request signed with a session key) and names the participant that sent it. The checks run cheapest
 * first; the nonce is remembered only once the signature verified, so that nobody can use up another
 * participant's nonces.
 */
public final class RequestAuthenticator {
    private final ParticipantRegistry registry;
    private final InstantSource clock;
    private final long skewMillis;
    private final NonceWindow nonces;
    private final Sessions sessions;
    /**
     * The sustained rate of signed requests whose nonces the node remembers; above it, requests are
     * refused busy until the older generation of nonces is dropped. At 60 s of skew that is 3.6 million
     * nonces a generation, and about 256 MiB for the two at that rate.
     */
    static final long REQUESTS_PER_SECOND_MAX = 30_000;

    public RequestAuthenticator(ParticipantRegistry registry, Sessions sessions, InstantSource clock, long skewMillis) {
        this.registry = registry;
        this.sessions = sessions;
        this.clock = clock;
        this.skewMillis = skewMillis;
        // A nonce must outlive every timestamp that could still pass: two generations of twice the skew.
        long perGeneration = REQUESTS_PER_SECOND_MAX * 2 * skewMillis / 1_000;
        this.nonces = new NonceWindow(2 * skewMillis, (int) Math.min(Integer.MAX_VALUE / 2, perGeneration));
    }

    /**
     * @param header the request's headers by name
     * @param pathWithQuery the raw path and query as sent
     */
    public Participant authenticate(String method, String pathWithQuery, Function<String, Optional<String>> header, byte[] body) {
        Optional<String> session = header.apply(SessionSigner.SESSION).filter(v -> !v.isBlank());
        if (session.isPresent()) {
            return authenticateSession(session.get(), method, pathWithQuery, header, body);
        }
        String id = required(header, RequestSigner.PARTICIPANT);
        String timestampText = required(header, RequestSigner.TIMESTAMP);
        String nonce = required(header, RequestSigner.NONCE);
        String signatureText = required(header, RequestSigner.SIGNATURE);
        Participant participant = registry.byId(id).orElseThrow(() -> NodeException.of(ProblemType.UNKNOWN_PARTICIPANT,
                "no participant \"" + id + "\" is registered"));
        long now = clock.millis();
        long timestamp = fresh(timestampText, now);
        checkNonceLength(nonce);
        byte[] signature = signature(signatureText);
        byte[] canonical = RequestSigner.canonical(method, pathWithQuery, timestamp, nonce, body);
        if (!Signatures.verify(participant.publicKey(), canonical, signature)) {
            throw NodeException.of(ProblemType.BAD_REQUEST_SIGNATURE, "the signature does not verify with " + id
                    + "'s key over \"" + RequestSigner.DOMAIN + "\\n" + method + "\\n" + pathWithQuery + "\\n" + timestamp
                    + "\\n" + nonce + "\\n<sha-256 of the body>\"");
        }
        remember(id, nonce, now);
        return participant;
    }

    /** A request signed with a session key (HMAC-SHA256 over the same canonical text); see {@link Sessions}. */
    private Participant authenticateSession(String sessionId, String method, String pathWithQuery,
                                            Function<String, Optional<String>> header, byte[] body) {
        String timestampText = required(header, RequestSigner.TIMESTAMP);
        String nonce = required(header, RequestSigner.NONCE);
        String signatureText = required(header, RequestSigner.SIGNATURE);
        Sessions.Session session = sessions.resolve(sessionId).orElseThrow(() -> NodeException.of(ProblemType.INVALID_SESSION,
                SessionSigner.SESSION + " is not a session id this node issued; open one with POST /v1/sessions"));
        long now = clock.millis();
        if (now >= session.expiresAtMillis()) {
            throw NodeException.of(ProblemType.INVALID_SESSION, "the session expired at " + session.expiresAtMillis()
                    + " (now " + now + "); open a new one with POST /v1/sessions");
        }
        long timestamp = fresh(timestampText, now);
        checkNonceLength(nonce);
        byte[] signature = signature(signatureText);
        byte[] expected = Sessions.mac(session.key(), RequestSigner.canonical(method, pathWithQuery, timestamp, nonce, body));
        if (!Sessions.matches(expected, signature)) {
            // Also what a session from before the node's restart gets: its key was derived from the old secret.
            throw NodeException.of(ProblemType.INVALID_SESSION, "the signature does not verify with the session's key;"
                    + " sessions end when the node restarts: open a new one with POST /v1/sessions");
        }
        Participant participant = registry.byId(session.participant()).orElseThrow(() -> NodeException.of(
                ProblemType.UNKNOWN_PARTICIPANT, "no participant \"" + session.participant() + "\" is registered"));
        remember(participant.id(), nonce, now);
        return participant;
    }

    private long fresh(String timestampText, long now) {
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampText);
        } catch (NumberFormatException e) {
            throw NodeException.of(ProblemType.STALE_REQUEST, RequestSigner.TIMESTAMP + " must be Unix milliseconds, not \""
                    + timestampText + "\"");
        }
        if (Math.abs(now - timestamp) > skewMillis) {
            throw NodeException.of(ProblemType.STALE_REQUEST, "the request was signed at " + timestamp + ", "
                    + (now - timestamp) / 1000 + " s from the node's clock (" + now + "); at most " + skewMillis / 1000
                    + " s is accepted");
        }
        return timestamp;
    }

    private static void checkNonceLength(String nonce) {
        if (nonce.length() < RequestSigner.NONCE_LENGTH_MIN || nonce.length() > RequestSigner.NONCE_LENGTH_MAX) {
            throw NodeException.of(ProblemType.MISSING_CREDENTIALS, RequestSigner.NONCE + " must be 16 to 128 characters, not "
                    + nonce.length());
        }
    }

    private static byte[] signature(String signatureText) {
        return Base64Url.decode(signatureText).orElseThrow(() -> NodeException.of(
                ProblemType.BAD_REQUEST_SIGNATURE, RequestSigner.SIGNATURE + " is not base64url"));
    }

    private void remember(String participant, String nonce, long now) {
        switch (nonces.record(participant, nonce, now)) {
            case FRESH -> { }
            case REPLAYED -> throw NodeException.of(ProblemType.REPLAYED_REQUEST, "nonce \"" + nonce
                    + "\" was used before: sign every request with a new one");
            case FULL -> throw NodeException.of(ProblemType.BUSY, "too many requests to remember their nonces; retry shortly");
        }
    }

    private static String required(Function<String, Optional<String>> header, String name) {
        return header.apply(name).filter(v -> !v.isBlank()).orElseThrow(() -> NodeException.of(ProblemType.MISSING_CREDENTIALS,
                "header " + name + " is missing: every request but /health, /metrics, /openapi.yaml and /docs is signed"
                        + " (docs/api.md, Authentication)"));
    }
}
