package org.dtenge.cards.gateway;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;

/** Messages on a TCP stream: each behind a 2-byte big-endian length (1 to 65535). */
public final class Frames {
    public static final int LENGTH_MAX = 65_535;

    private Frames() {}

    /** The next message, or empty at a clean end of stream (between messages). */
    public static Optional<byte[]> read(DataInputStream in) throws IOException {
        int high = in.read();
        if (high < 0) {
            return Optional.empty();
        }
        int low = in.read();
        if (low < 0) {
            throw new EOFException("the stream ended inside a length header");
        }
        byte[] message = new byte[(high << 8) | low];
        in.readFully(message);
        return Optional.of(message);
    }

    public static void write(OutputStream out, byte[] message) throws IOException {
        if (message.length == 0 || message.length > LENGTH_MAX) {
            throw new IllegalArgumentException("a framed message is 1 to 65535 bytes, not " + message.length);
        }
        byte[] framed = new byte[message.length + 2];
        framed[0] = (byte) (message.length >>> 8);
        framed[1] = (byte) message.length;
        System.arraycopy(message, 0, framed, 2, message.length);
        out.write(framed);
        out.flush();
    }
}
