package org.dtenge.bench;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.Arrays;

/**
 * A kept-alive, non-blocking connection of the selector loads ({@link SelectorOpenLoop},
 * {@link SelectorClosedLoop}), and the bytes of the answer being read on it.
 */
final class SelectorConnection {
    final SocketChannel channel;
    private byte[] received = new byte[16 * 1024];
    private int receivedLength;

    private SelectorConnection(SocketChannel channel) {
        this.channel = channel;
    }

    /** Connected, and registered with {@code selector} for reading, with {@code attachment}. */
    static SelectorConnection open(String host, int port, Selector selector, Object attachment) throws IOException {
        SocketChannel channel = SocketChannel.open(new InetSocketAddress(host, port));
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        channel.configureBlocking(false);
        SelectorConnection connection = new SelectorConnection(channel);
        channel.register(selector, SelectionKey.OP_READ, attachment);
        return connection;
    }

    /** Writes all of {@code wire}; the socket's buffer is rarely full for a request of a few hundred bytes. */
    void write(byte[] wire) throws IOException {
        ByteBuffer out = ByteBuffer.wrap(wire);
        while (out.hasRemaining()) {
            if (channel.write(out) == 0) {
                Thread.onSpinWait();
            }
        }
    }

    /** Reads what arrived: the whole answer if that completed it, else null. */
    Http1Answer readAnswer() throws IOException {
        while (true) {
            if (receivedLength == received.length) {
                received = Arrays.copyOf(received, received.length * 2);
            }
            int room = received.length - receivedLength;
            int read = channel.read(ByteBuffer.wrap(received, receivedLength, room));
            if (read < 0) {
                throw new EOFException("the node closed a connection");
            }
            receivedLength += read;
            if (read < room) {
                // The socket held no more than this: another read would only say so, a system call per
                // answer. Anything that arrives later, the selector reports again.
                break;
            }
        }
        Http1Frame frame = Http1Frame.find(received, receivedLength);
        if (frame == null) {
            return null; // not all of it yet
        }
        Http1Answer answer;
        int consumed;
        if (frame.end() != Http1Frame.UNFRAMED) {
            answer = new Http1Answer(frame.status(), Arrays.copyOfRange(received, frame.bodyStart(), frame.end()), frame.keepAlive());
            consumed = frame.end();
        } else {
            ByteArrayInputStream in = new ByteArrayInputStream(received, 0, receivedLength);
            try {
                answer = Http1Answer.read(in);
            } catch (EOFException e) {
                return null; // not all of it yet
            }
            consumed = receivedLength - in.available();
        }
        int rest = receivedLength - consumed;
        System.arraycopy(received, consumed, received, 0, rest);
        receivedLength = rest;
        if (!answer.keepAlive()) {
            throw new IOException("the node closed a kept-alive connection after answering " + answer.status());
        }
        return answer;
    }
}
