package org.dtenge.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Where one HTTP/1.1 answer framed by Content-Length lies at the start of a buffer, found in place:
 * the open loop's reader frames every answer this way. Parsed line by line through a stream
 * ({@link Http1Answer}), each answer cost the reader a dozen strings and builders, garbage that the
 * node's collector, in the same process, had to collect. Answers framed otherwise (chunked, or by the end
 * of the connection) come back as {@link #UNFRAMED} for {@link Http1Answer} to read. The head's lines
 * must end in CRLF, as RFC 9112 asks of a server and as the node sends them.
 *
 * @param bodyStart the index of the body's first byte
 * @param end the index after the answer's last byte, or {@link #UNFRAMED}
 */
record Http1Frame(int status, int bodyStart, int end, boolean keepAlive) {
    static final int UNFRAMED = -1;
    static final int HEAD_MAX = 16 * 1024;

    /**
     * @return the answer at the start of {@code buffer[0, length)}, or null if it has not all arrived
     * @throws IOException if the bytes are not an HTTP/1.x answer
     */
    static Http1Frame find(byte[] buffer, int length) throws IOException {
        int headEnd = headEnd(buffer, length);
        if (headEnd < 0) {
            if (length >= HEAD_MAX) {
                throw new IOException("no end of an answer's head in its first " + HEAD_MAX + " bytes");
            }
            return null;
        }
        if (headEnd < 16 || !ascii(buffer, 0, 7).equals("HTTP/1.") || buffer[8] != ' ') {
            throw new IOException("not an HTTP/1.x status line: \"" + ascii(buffer, 0, Math.min(headEnd, 40)) + "\"");
        }
        int status = digit(buffer[9]) * 100 + digit(buffer[10]) * 10 + digit(buffer[11]);
        boolean keepAlive = buffer[7] == '1';
        long contentLength = -1;
        boolean chunked = false;
        int line = lineEnd(buffer, 0, headEnd) + 2;
        while (line < headEnd - 2) {
            int eol = lineEnd(buffer, line, headEnd);
            int colon = indexOf(buffer, (byte) ':', line, eol);
            if (colon <= line) {
                throw new IOException("malformed header line \"" + ascii(buffer, line, eol) + "\"");
            }
            int value = colon + 1;
            while (value < eol && (buffer[value] == ' ' || buffer[value] == '\t')) {
                value++;
            }
            int valueEnd = eol;
            while (valueEnd > value && (buffer[valueEnd - 1] == ' ' || buffer[valueEnd - 1] == '\t')) {
                valueEnd--;
            }
            if (named(buffer, line, colon, "content-length")) {
                contentLength = number(buffer, value, valueEnd);
            } else if (named(buffer, line, colon, "transfer-encoding")) {
                chunked = true;
            } else if (named(buffer, line, colon, "connection")) {
                keepAlive = !ascii(buffer, value, valueEnd).equalsIgnoreCase("close");
            }
            line = eol + 2;
        }
        if (chunked || contentLength < 0) {
            return new Http1Frame(status, headEnd, UNFRAMED, keepAlive);
        }
        long end = headEnd + contentLength;
        if (end > Integer.MAX_VALUE - 8) {
            throw new IOException("body of " + contentLength + " bytes is too large");
        }
        return end <= length ? new Http1Frame(status, headEnd, (int) end, keepAlive) : null;
    }

    /** The index after the blank line that ends the head, or -1. */
    private static int headEnd(byte[] buffer, int length) {
        for (int i = 3; i < length; i++) {
            if (buffer[i] == '\n' && buffer[i - 1] == '\r' && buffer[i - 2] == '\n' && buffer[i - 3] == '\r') {
                return i + 1;
            }
        }
        return -1;
    }

    /** The index of the CR of the first CRLF in {@code [from, to)}; the head ends in one, so there is one. */
    private static int lineEnd(byte[] buffer, int from, int to) {
        for (int i = from; i + 1 < to; i++) {
            if (buffer[i] == '\r' && buffer[i + 1] == '\n') {
                return i;
            }
        }
        throw new IllegalStateException("a head without its final CRLF");
    }

    private static int indexOf(byte[] buffer, byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buffer[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@code buffer[from, to)} is {@code name}, ignoring ASCII case ({@code name} is lower case). */
    private static boolean named(byte[] buffer, int from, int to, String name) {
        if (to - from != name.length()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            int b = buffer[from + i];
            if ((b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b) != name.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static long number(byte[] buffer, int from, int to) throws IOException {
        if (from == to || to - from > 18) {
            throw new IOException("Content-Length is not a number: \"" + ascii(buffer, from, to) + "\"");
        }
        long n = 0;
        for (int i = from; i < to; i++) {
            n = n * 10 + digit(buffer[i]);
        }
        return n;
    }

    private static int digit(byte b) throws IOException {
        if (b < '0' || b > '9') {
            throw new IOException("expected a digit, not '" + (char) (b & 0xff) + "'");
        }
        return b - '0';
    }

    private static String ascii(byte[] buffer, int from, int to) {
        return new String(buffer, from, to - from, StandardCharsets.ISO_8859_1);
    }
}
