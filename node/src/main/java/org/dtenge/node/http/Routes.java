package org.dtenge.node.http;

import io.helidon.http.Method;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRouting;
import java.util.ArrayList;
import java.util.List;

/**
 * The API's routes, wired as plain code, and the list of them (which the OpenAPI test compares with
 * openapi.yaml, so that no route goes undocumented).
 */
final class Routes {
    private final HttpRouting.Builder routing;
    private final Signed signed;
    private final int bodyBytesMax;
    private final int batchBodyBytesMax;
    private final List<Route> all = new ArrayList<>();

    Routes(HttpRouting.Builder routing, Signed signed, int bodyBytesMax, int batchBodyBytesMax) {
        this.routing = routing;
        this.signed = signed;
        this.bodyBytesMax = bodyBytesMax;
        this.batchBodyBytesMax = batchBodyBytesMax;
    }

    void get(String path, Endpoint endpoint) {
        add(Method.GET, path, signed.handler(endpoint, bodyBytesMax), true);
    }

    void post(String path, Endpoint endpoint) {
        add(Method.POST, path, signed.handler(endpoint, bodyBytesMax), true);
    }

    /** A POST that takes a large body (a batch). */
    void postLarge(String path, Endpoint endpoint) {
        add(Method.POST, path, signed.handler(endpoint, batchBodyBytesMax), true);
    }

    /** A signed route of an extension. */
    void signed(String method, String path, Endpoint endpoint) {
        add(Method.create(method), path, signed.handler(endpoint, bodyBytesMax), true);
    }

    /** A route that authenticates itself (the event stream). */
    void getStream(String path, Handler handler) {
        add(Method.GET, path, handler, true);
    }

    void getPublic(String path, Handler handler) {
        add(Method.GET, path, handler, false);
    }

    private void add(Method method, String path, Handler handler, boolean isSigned) {
        routing.route(method, path, handler);
        all.add(new Route(method.text(), path, isSigned));
    }

    List<Route> all() {
        return List.copyOf(all);
    }
}
