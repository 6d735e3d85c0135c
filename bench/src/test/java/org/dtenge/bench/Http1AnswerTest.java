package org.dtenge.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Reading responses off a kept-alive connection: framing by length or chunks, and where the next one starts. */
class Http1AnswerTest {
    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static String body(Http1Answer answer) {
        return new String(answer.body(), StandardCharsets.US_ASCII);
    }

    @Test
    void readsABodyByContentLengthAndLeavesTheNextResponse() throws IOException {
        InputStream in = stream("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}"
                + "HTTP/1.1 201 Created\r\ncontent-length: 5\r\n\r\nhello");
        Http1Answer first = Http1Answer.read(in);
        assertThat(first.status()).isEqualTo(200);
        assertThat(body(first)).isEqualTo("{}");
        assertThat(first.keepAlive()).isTrue();
        Http1Answer second = Http1Answer.read(in);
        assertThat(second.status()).isEqualTo(201);
        assertThat(body(second)).isEqualTo("hello");
    }

    @Test
    void joinsChunksSkippingExtensionsAndTrailers() throws IOException {
        InputStream in = stream("HTTP/1.1 422 Unprocessable Content\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "4;name=value\r\nabcd\r\nA\r\n0123456789\r\n0\r\nTrailer: x\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n");
        Http1Answer chunked = Http1Answer.read(in);
        assertThat(chunked.status()).isEqualTo(422);
        assertThat(body(chunked)).isEqualTo("abcd0123456789");
        Http1Answer empty = Http1Answer.read(in);
        assertThat(empty.status()).isEqualTo(204);
        assertThat(empty.body()).isEmpty();
    }

    @Test
    void connectionCloseEndsKeepAlive() throws IOException {
        Http1Answer answer = Http1Answer.read(stream("HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n"
                + "Content-Length: 0\r\n\r\n"));
        assertThat(answer.keepAlive()).isFalse();
    }

    @Test
    void aBodyCutShortIsAnError() {
        assertThatThrownBy(() -> Http1Answer.read(stream("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc")))
                .isInstanceOf(EOFException.class);
        assertThatThrownBy(() -> Http1Answer.read(stream("HTTP/1.1 200 OK\r\nContent-Le")))
                .isInstanceOf(EOFException.class);
        assertThatThrownBy(() -> Http1Answer.read(stream("SSH-2.0-OpenSSH\r\n\r\n"))).isInstanceOf(IOException.class);
    }
}
