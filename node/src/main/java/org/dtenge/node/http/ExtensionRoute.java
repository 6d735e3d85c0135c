package org.dtenge.node.http;

/**
 * A signed route an extension adds to the API: authenticated like every other (401 before the
 * endpoint runs), with problems answered as RFC 9457 documents.
 *
 * @param method "GET" or "POST"
 * @param path   a Helidon path template, e.g. {@code /v1/cards/{card}/block}
 */
public record ExtensionRoute(String method, String path, Endpoint endpoint) {
    public ExtensionRoute {
        if (!method.equals("GET") && !method.equals("POST")) {
            throw new IllegalArgumentException("an extension route is a GET or a POST, not " + method);
        }
    }
}
