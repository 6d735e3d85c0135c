package org.dtenge.bench;

import java.util.Map;
import org.dtenge.node.auth.RequestSigner;

/**
 * One request as the node expects it: method, path, JSON body and the four signature headers,
 * signed before the clock starts so that the load generator's own Ed25519 work is not measured.
 * The timestamp in the headers must stay within the node's clock skew (60 s) of the moment it is sent.
 */
record SignedRequest(String method, String path, byte[] body, Map<String, String> headers) {
    static SignedRequest post(RequestSigner signer, String path, byte[] body) {
        return new SignedRequest("POST", path, body, signer.headers("POST", path, body));
    }

    static SignedRequest get(RequestSigner signer, String path) {
        return new SignedRequest("GET", path, new byte[0], signer.headers("GET", path, new byte[0]));
    }
}
