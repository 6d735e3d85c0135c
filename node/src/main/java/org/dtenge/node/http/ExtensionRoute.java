package org.dtenge.node.http;

/**
 * A signed route an extension adds to the API: authenticated like every other (401 before the
 * endpoint runs), with problems answered as RFC 9457 documents.
 *
 * @param method    "GET" or "POST"
 * @param path      a Helidon path template, e.g. {@code /v1/cards/{card}/block}
 * @param largeBody a POST whose body may be as large as a batch's (an upload of many items), not only
 *                  as large as an ordinary request's
 */
public record ExtensionRoute(String method, String path, Endpoint endpoint, boolean largeBody) {
    public ExtensionRoute {
        if (!method.equals("GET") && !method.equals("POST")) {
            throw new IllegalArgumentException("an extension route is a GET or a POST, not " + method);
        }
        if (largeBody && !method.equals("POST")) {
            throw new IllegalArgumentException("only a POST takes a large body, not a " + method);
        }
    }

    /** A route with the ordinary body limit. */
    public ExtensionRoute(String method, String path, Endpoint endpoint) {
        this(method, path, endpoint, false);
    }
}
