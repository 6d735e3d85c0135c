package org.dtenge.node.auth;

import java.util.Map;

/** What signs a client's requests: the participant's key ({@link RequestSigner}) or a session ({@link SessionSigner}). */
public interface Credentials {
    /** The authentication headers for a request sent now with a fresh nonce, in a stable order. */
    Map<String, String> headers(String method, String pathWithQuery, byte[] body);
}
