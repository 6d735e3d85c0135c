package org.dtenge.cards.gateway;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.dtenge.cards.CardsException;
import org.dtenge.cards.iso8583.Decoded;
import org.dtenge.cards.iso8583.IsoMessage;
import org.dtenge.cards.iso8583.MessageCodec;

/**
 * The ISO 8583 TCP server that acquirers and card networks connect to. Each connection has a reader
 * (a virtual thread) that takes framed messages and answers each on its own virtual thread, so that
 * one slow authorization does not hold up the next (responses go back as they are ready; acquirers
 * match them by STAN and RRN, as on any ISO 8583 link). In flight per connection is bounded.
 *
 * <p>Messages that move money must carry the MAC of a holder of the gateway's key ({@link MessageMac}),
 * else they are answered 63 (security violation) and go no further.
 *
 * <p>Bad input never crashes anything: a message that cannot be parsed but has a readable MTI is
 * answered with 30 (format error); anything else (not even an MTI, a cut frame) closes the connection.
 */
public final class GatewayServer implements AutoCloseable {
    private static final int IN_FLIGHT_MAX = 4096;

    private final ServerSocket server;
    private final Authorizer authorizer;
    private final Optional<MessageMac> mac;
    private final MessageCodec codec = MessageCodec.iso87Ascii();
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean closing;

    private GatewayServer(ServerSocket server, Authorizer authorizer, Optional<MessageMac> mac) {
        this.server = server;
        this.authorizer = authorizer;
        this.mac = mac;
        this.acceptor = Thread.ofPlatform().name("cards-gateway-accept").daemon().unstarted(this::acceptLoop);
    }

    /** @param mac when present, messages that move money must carry its MAC, else they are answered 63 */
    public static GatewayServer start(String host, int port, Authorizer authorizer, Optional<MessageMac> mac) {
        try {
            ServerSocket socket = new ServerSocket(port, 128, InetAddress.getByName(host));
            GatewayServer gateway = new GatewayServer(socket, authorizer, mac);
            gateway.acceptor.start();
            return gateway;
        } catch (IOException e) {
            throw new CardsException("the card gateway cannot listen on " + host + ":" + port + " (" + e.getMessage()
                    + "); set cards.port (DTENGE_CARDS_PORT) to a free port", e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!closing) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                connections.add(socket);
                Thread.ofVirtual().name("cards-gateway-connection").start(() -> serve(socket));
            } catch (IOException e) {
                if (!closing) {
                    System.err.println("dtenge cards: accepting a connection failed: " + e);
                }
            }
        }
    }

    private void serve(Socket socket) {
        Semaphore inFlight = new Semaphore(IN_FLIGHT_MAX);
        try {
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            while (true) {
                Optional<byte[]> frame = Frames.read(in);
                if (frame.isEmpty()) {
                    return;
                }
                Decoded decoded = codec.decode(frame.get());
                if (decoded instanceof Decoded.Malformed malformed) {
                    if (malformed.mti().isEmpty()) {
                        return; // not even a message type: nothing sensible to answer
                    }
                    send(out, Responses.formatError(malformed.mti().get()));
                    continue;
                }
                IsoMessage request = ((Decoded.Valid) decoded).message();
                if (mac.isPresent() && MessageMac.REQUIRED.contains(request.mti()) && !mac.get().verify(frame.get(), request)) {
                    send(out, Responses.of(request, ResponseCode.SECURITY_VIOLATION)); // not from a holder of the key
                    continue;
                }
                inFlight.acquireUninterruptibly();
                Thread.ofVirtual().start(() -> {
                    try {
                        send(out, answer(request));
                    } catch (IOException e) {
                        closeQuietly(socket); // the peer is gone; its reader sees the close
                    } finally {
                        inFlight.release();
                    }
                });
            }
        } catch (IOException e) {
            if (!closing && !(e instanceof SocketException)) {
                System.err.println("dtenge cards: connection from " + socket.getRemoteSocketAddress() + " ended: " + e);
            }
        } finally {
            inFlight.acquireUninterruptibly(IN_FLIGHT_MAX); // answers still being written go out first
            closeQuietly(socket);
            connections.remove(socket);
        }
    }

    private IsoMessage answer(IsoMessage request) {
        try {
            return authorizer.answer(request);
        } catch (RuntimeException e) {
            System.err.println("dtenge cards: answering " + request.mti() + " failed: " + e);
            e.printStackTrace();
            return Responses.of(request, ResponseCode.SYSTEM_MALFUNCTION);
        }
    }

    private void send(OutputStream out, IsoMessage response) throws IOException {
        byte[] bytes = codec.encode(response);
        synchronized (out) {
            Frames.write(out, bytes);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing after a failure: nothing more to do
        }
    }

    @Override
    public void close() {
        closing = true;
        try {
            server.close();
        } catch (IOException e) {
            System.err.println("dtenge cards: closing the gateway's socket: " + e);
        }
        connections.forEach(GatewayServer::closeQuietly);
        try {
            acceptor.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
