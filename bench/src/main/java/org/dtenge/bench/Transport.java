package org.dtenge.bench;

import java.io.IOException;

/**
 * How requests reach the node. {@link #prepare} turns a signed request into whatever the transport
 * sends (done before the clock starts); {@link #send} sends it and waits for the whole answer. Safe
 * for use by many threads at once.
 */
interface Transport extends AutoCloseable {
    /** An answer: the status and the body. */
    record Answer(int status, byte[] body) {}

    /** A request ready to go: exactly one of the two forms is set, the one its transport sends. */
    record Prepared(java.net.http.HttpRequest jdk, byte[] wire) {}

    Prepared prepare(SignedRequest request);

    Answer send(Prepared request) throws IOException, InterruptedException;

    String describe();

    @Override
    void close();

    static Transport of(String name, String host, int port) {
        return name.equals("socket") ? new SocketTransport(host, port) : new JdkTransport(host, port);
    }
}
