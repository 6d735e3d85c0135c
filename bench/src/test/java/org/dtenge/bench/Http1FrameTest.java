package org.dtenge.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Framing answers in place, as the open loop's reader does, against the stream parser it replaces. */
class Http1FrameTest {
    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void findsAnAnswerByContentLengthAndWhereTheNextStarts() throws IOException {
        byte[] two = bytes("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}"
                + "HTTP/1.1 201 Created\r\ncontent-length: 5\r\n\r\nhello");
        Http1Frame first = Http1Frame.find(two, two.length);
        assertThat(first.status()).isEqualTo(200);
        assertThat(new String(two, first.bodyStart(), first.end() - first.bodyStart(), StandardCharsets.US_ASCII)).isEqualTo("{}");
        assertThat(first.keepAlive()).isTrue();
        byte[] rest = Arrays.copyOfRange(two, first.end(), two.length);
        Http1Frame second = Http1Frame.find(rest, rest.length);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.end()).isEqualTo(rest.length);
    }

    @Test
    void saysIncompleteUntilTheLastByteOfTheBodyArrives() throws IOException {
        byte[] answer = bytes("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n0123456789");
        for (int length = 0; length < answer.length; length++) {
            assertThat(Http1Frame.find(answer, length)).as("first %d bytes", length).isNull();
        }
        assertThat(Http1Frame.find(answer, answer.length).end()).isEqualTo(answer.length);
    }

    @Test
    void leavesChunkedAndUnframedAnswersToTheStreamParser() throws IOException {
        byte[] chunked = bytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n");
        assertThat(Http1Frame.find(chunked, chunked.length).end()).isEqualTo(Http1Frame.UNFRAMED);
        byte[] closing = bytes("HTTP/1.0 503 Service Unavailable\r\nConnection: close\r\n\r\nbusy");
        Http1Frame frame = Http1Frame.find(closing, closing.length);
        assertThat(frame.end()).isEqualTo(Http1Frame.UNFRAMED);
        assertThat(frame.status()).isEqualTo(503);
        assertThat(frame.keepAlive()).isFalse();
    }

    @Test
    void readsConnectionCloseAndHttp10() throws IOException {
        byte[] close = bytes("HTTP/1.1 200 OK\r\nConnection:  Close \r\nContent-Length: 0\r\n\r\n");
        assertThat(Http1Frame.find(close, close.length).keepAlive()).isFalse();
        byte[] old = bytes("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n");
        assertThat(Http1Frame.find(old, old.length).keepAlive()).isFalse();
    }

    @Test
    void refusesWhatIsNotAnHttpAnswer() {
        byte[] ssh = bytes("SSH-2.0-OpenSSH_9.6\r\nsome text here\r\n\r\n");
        assertThatThrownBy(() -> Http1Frame.find(ssh, ssh.length)).isInstanceOf(IOException.class).hasMessageContaining("status line");
        byte[] badLength = bytes("HTTP/1.1 200 OK\r\nContent-Length: 1x\r\n\r\n");
        assertThatThrownBy(() -> Http1Frame.find(badLength, badLength.length)).isInstanceOf(IOException.class)
                .hasMessageContaining("digit");
        byte[] noColon = bytes("HTTP/1.1 200 OK\r\nContent-Length 1\r\n\r\nx");
        assertThatThrownBy(() -> Http1Frame.find(noColon, noColon.length)).isInstanceOf(IOException.class)
                .hasMessageContaining("malformed header line");
        byte[] endless = new byte[Http1Frame.HEAD_MAX];
        Arrays.fill(endless, (byte) 'a');
        assertThatThrownBy(() -> Http1Frame.find(endless, endless.length)).isInstanceOf(IOException.class)
                .hasMessageContaining("no end of an answer's head");
    }

    /** Seeded random answers: where both read one, the frame and the stream parser agree on status, body and end. */
    @Test
    void agreesWithTheStreamParserOnRandomAnswers() throws IOException {
        Random random = new Random(20261203);
        String[] names = {"Content-Length", "content-length", "CONTENT-LENGTH", "Content-Type", "X-Other", "Connection", "Date"};
        for (int n = 0; n < 2_000; n++) {
            int status = 100 + random.nextInt(500);
            byte[] body = new byte[random.nextInt(3_000)];
            random.nextBytes(body);
            StringBuilder head = new StringBuilder("HTTP/1.1 " + status + " Whatever\r\n");
            boolean length = false;
            for (int h = random.nextInt(6); h >= 0; h--) {
                String name = names[random.nextInt(names.length)];
                if (name.equalsIgnoreCase("content-length")) {
                    if (length) {
                        continue;
                    }
                    length = true;
                    head.append(name).append(':').append(" ".repeat(random.nextInt(3))).append(body.length).append("\r\n");
                } else if (name.equals("Connection")) {
                    head.append(name).append(": ").append(random.nextBoolean() ? "keep-alive" : "close").append("\r\n");
                } else {
                    head.append(name).append(": v").append(random.nextInt()).append("\r\n");
                }
            }
            if (!length) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("\r\n");
            byte[] wire = new byte[head.length() + body.length + 7];
            byte[] headBytes = bytes(head.toString());
            System.arraycopy(headBytes, 0, wire, 0, headBytes.length);
            System.arraycopy(body, 0, wire, headBytes.length, body.length);
            System.arraycopy(bytes("HTTP/1."), 0, wire, headBytes.length + body.length, 7); // the next answer's start
            Http1Frame frame = Http1Frame.find(wire, wire.length);
            ByteArrayInputStream in = new ByteArrayInputStream(wire);
            Http1Answer answer = Http1Answer.read(in);
            assertThat(frame.status()).isEqualTo(answer.status());
            assertThat(frame.keepAlive()).isEqualTo(answer.keepAlive());
            assertThat(Arrays.copyOfRange(wire, frame.bodyStart(), frame.end())).isEqualTo(answer.body());
            assertThat(frame.end()).isEqualTo(wire.length - in.available());
            int cut = random.nextInt(frame.end());
            assertThat(Http1Frame.find(wire, cut)).as("answer %d cut at %d", n, cut).isNull();
        }
    }
}
