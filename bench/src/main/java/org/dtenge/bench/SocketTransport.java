package org.dtenge.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A minimal HTTP/1.1 client: each request is encoded to bytes beforehand, written whole to a
 * kept-alive blocking socket taken from a pool, and the answer read with {@link Http1Answer}. It
 * does what the load needs and no more (no redirects, no TLS, no HTTP/2), so that the cores the
 * client shares with the node go to the node.
 */
final class SocketTransport implements Transport {
    private final String host;
    private final int port;
    private final ConcurrentLinkedQueue<Connection> idle = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Connection> all = new ConcurrentLinkedQueue<>();

    SocketTransport(String host, int port) {
        this.host = host;
        this.port = port;
    }

    private record Connection(Socket socket, InputStream in, OutputStream out) {}

    @Override
    public Prepared prepare(SignedRequest request) {
        StringBuilder head = new StringBuilder(512);
        head.append(request.method()).append(' ').append(request.path()).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append(':').append(port).append("\r\n")
                .append("Content-Type: ").append(request.contentType()).append("\r\n")
                .append("Content-Length: ").append(request.body().length).append("\r\n");
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
        }
        head.append("\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] wire = new byte[headBytes.length + request.body().length];
        System.arraycopy(headBytes, 0, wire, 0, headBytes.length);
        System.arraycopy(request.body(), 0, wire, headBytes.length, request.body().length);
        return new Prepared(null, wire);
    }

    @Override
    public Answer send(Prepared request) throws IOException {
        Connection connection = idle.poll();
        if (connection == null) {
            connection = open();
        }
        try {
            connection.out().write(request.wire());
            connection.out().flush();
            Http1Answer answer = Http1Answer.read(connection.in());
            if (answer.keepAlive()) {
                idle.add(connection);
            } else {
                discard(connection);
            }
            return new Answer(answer.status(), answer.body());
        } catch (IOException | RuntimeException e) {
            discard(connection);
            throw e;
        }
    }

    private Connection open() throws IOException {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port), 5_000);
        socket.setSoTimeout(60_000);
        Connection connection = new Connection(socket, new BufferedInputStream(socket.getInputStream(), 64 * 1024),
                socket.getOutputStream());
        all.add(connection);
        return connection;
    }

    private void discard(Connection connection) {
        all.remove(connection);
        try {
            connection.socket().close();
        } catch (IOException e) {
            // closing a broken connection: nothing more to do with it
        }
    }

    @Override
    public String describe() {
        return "minimal HTTP/1.1 client on blocking sockets, keep-alive";
    }

    @Override
    public void close() {
        Connection connection;
        while ((connection = all.poll()) != null) {
            try {
                connection.socket().close();
            } catch (IOException e) {
                // closing at the end of the run
            }
        }
        idle.clear();
    }
}
