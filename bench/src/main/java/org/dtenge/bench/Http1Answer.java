package org.dtenge.bench;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads one HTTP/1.1 response from a stream: the status line, the headers, and a body framed by
 * Content-Length or chunked transfer coding (trailers skipped); leaves the stream at the next response.
 */
record Http1Answer(int status, byte[] body, boolean keepAlive) {
    private static final int LINE_MAX = 16 * 1024;

    static Http1Answer read(InputStream in) throws IOException {
        String statusLine = line(in);
        if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
            throw new IOException("not an HTTP/1.x status line: \"" + statusLine + "\"");
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean keepAlive = statusLine.startsWith("HTTP/1.1");
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            if (colon <= 0) {
                throw new IOException("malformed header line \"" + header + "\"");
            }
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> keepAlive = !value.equalsIgnoreCase("close");
                default -> { }
            }
        }
        byte[] body;
        if (chunked) {
            body = chunks(in);
        } else if (length >= 0) {
            body = exactly(in, length);
        } else if (status == 204 || status == 304 || status / 100 == 1) {
            body = new byte[0];
        } else {
            body = in.readAllBytes(); // framed by the end of the connection
            keepAlive = false;
        }
        return new Http1Answer(status, body, keepAlive);
    }

    private static byte[] chunks(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = line(in);
            int extension = sizeLine.indexOf(';');
            long size = Long.parseLong((extension >= 0 ? sizeLine.substring(0, extension) : sizeLine).trim(), 16);
            if (size == 0) {
                while (!line(in).isEmpty()) {
                    // trailers: not used by the node
                }
                return body.toByteArray();
            }
            body.write(exactly(in, size));
            if (!line(in).isEmpty()) {
                throw new IOException("a chunk is not followed by CRLF");
            }
        }
    }

    private static byte[] exactly(InputStream in, long length) throws IOException {
        if (length > Integer.MAX_VALUE - 8) {
            throw new IOException("body of " + length + " bytes is too large");
        }
        byte[] bytes = in.readNBytes((int) length);
        if (bytes.length != length) {
            throw new EOFException("the connection closed after " + bytes.length + " of " + length + " body bytes");
        }
        return bytes;
    }

    /** One line without its CRLF (a bare LF is accepted too). */
    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder(64);
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("the connection closed in the middle of a response");
            }
            if (b == '\n') {
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') {
                    line.setLength(end - 1);
                }
                return line.toString();
            }
            if (line.length() >= LINE_MAX) {
                throw new IOException("a response line is longer than " + LINE_MAX + " bytes");
            }
            line.append((char) b);
        }
    }

    @Override
    public String toString() {
        return status + " " + new String(body, StandardCharsets.UTF_8);
    }
}
