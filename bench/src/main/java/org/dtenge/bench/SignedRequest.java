package org.dtenge.bench;

import java.util.Map;
import org.dtenge.node.auth.Credentials;

/**
 * One request as the node expects it: method, path, body (JSON, or a binary batch) and the four authentication headers
 * (a session's, in the load), signed before the clock starts so that the load generator's own work
 * is not measured.
 * The timestamp in the headers must stay within the node's clock skew (60 s) of the moment it is sent.
 */
record SignedRequest(String method, String path, byte[] body, Map<String, String> headers, String contentType) {
    static final String JSON = "application/json";

    static SignedRequest post(Credentials signer, String path, byte[] body) {
        return post(signer, path, body, JSON);
    }

    static SignedRequest post(Credentials signer, String path, byte[] body, String contentType) {
        return new SignedRequest("POST", path, body, signer.headers("POST", path, body), contentType);
    }

    static SignedRequest get(Credentials signer, String path) {
        return new SignedRequest("GET", path, new byte[0], signer.headers("GET", path, new byte[0]), JSON);
    }
}
