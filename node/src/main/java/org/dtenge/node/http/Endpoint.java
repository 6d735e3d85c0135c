package org.dtenge.node.http;

/** One operation of the API, given an authenticated call. */
@FunctionalInterface
public interface Endpoint {
    Reply handle(Call call);
}
