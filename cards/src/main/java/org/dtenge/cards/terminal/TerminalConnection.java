package org.dtenge.cards.terminal;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Optional;
import org.dtenge.cards.CardsException;
import org.dtenge.cards.gateway.Frames;
import org.dtenge.cards.iso8583.Decoded;
import org.dtenge.cards.iso8583.IsoMessage;
import org.dtenge.cards.iso8583.MessageCodec;

/** One TCP connection to the card gateway, one message at a time: send, then wait for the answer. */
public final class TerminalConnection implements AutoCloseable {
    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final MessageCodec codec = MessageCodec.iso87Ascii();

    public TerminalConnection(String host, int port) {
        try {
            socket = new Socket(host, port);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            out = socket.getOutputStream();
        } catch (IOException e) {
            throw new CardsException("cannot connect to the card gateway at " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /** Sends {@code request} and returns the gateway's answer. */
    public IsoMessage exchange(IsoMessage request) {
        Optional<byte[]> answer = exchangeRaw(codec.encode(request));
        if (answer.isEmpty()) {
            throw new CardsException("the gateway closed the connection instead of answering " + request.mti());
        }
        return switch (codec.decode(answer.get())) {
            case Decoded.Valid valid -> valid.message();
            case Decoded.Malformed malformed -> throw new CardsException("the gateway's answer is malformed: " + malformed.reason());
        };
    }

    /** Sends any bytes as one frame; the answer's bytes, or empty when the gateway closed the connection. */
    public Optional<byte[]> exchangeRaw(byte[] message) {
        try {
            Frames.write(out, message);
            return Frames.read(in);
        } catch (java.net.SocketException e) {
            return Optional.empty(); // reset by the gateway: it closed on us
        } catch (IOException e) {
            throw new CardsException("talking to the card gateway failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing: nothing more to do
        }
    }
}
