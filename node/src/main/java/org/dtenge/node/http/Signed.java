package org.dtenge.node.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import org.dtenge.node.NodeException;
import org.dtenge.node.Problem;
import org.dtenge.node.ProblemType;
import org.dtenge.node.auth.RequestAuthenticator;
import org.dtenge.node.participant.Participant;

/**
 * Wraps an {@link Endpoint} into a Helidon handler that reads the body (at most the route's limit,
 * else 413), authenticates the request's signature (else 401), runs the endpoint, and answers every
 * {@link NodeException} as a problem. Nothing reaches an endpoint unauthenticated.
 */
final class Signed {
    private final RequestAuthenticator authenticator;
    private final Responses responses;
    private final ObjectMapper json;

    Signed(RequestAuthenticator authenticator, Responses responses, ObjectMapper json) {
        this.authenticator = authenticator;
        this.responses = responses;
        this.json = json;
    }

    Handler handler(Endpoint endpoint, int bodyBytesMax) {
        return (request, response) -> {
            try {
                byte[] body = body(request, bodyBytesMax);
                Participant caller = authenticate(request, body);
                responses.send(request, response, endpoint.handle(new Call(caller, body, request, json)));
            } catch (NodeException e) {
                responses.problem(request, response, e.problem());
            } catch (RuntimeException e) {
                System.err.println("dtenge: " + request.prologue().method() + " " + request.path().rawPath() + " failed: " + e);
                e.printStackTrace();
                responses.problem(request, response, Problem.of(ProblemType.INTERNAL, "the node failed on this request: "
                        + e.getClass().getSimpleName()));
            }
        };
    }

    Participant authenticate(ServerRequest request, byte[] body) {
        String pathWithQuery = request.prologue().uriPath().rawPath()
                + (request.prologue().hasQuery() ? "?" + request.prologue().query().rawValue() : "");
        return authenticator.authenticate(request.prologue().method().text(), pathWithQuery,
                name -> request.headers().first(HeaderNames.create(name)), body);
    }

    /** The whole body, refusing with 413 beyond {@code max} bytes, whether or not Content-Length announced it. */
    static byte[] body(ServerRequest request, int max) {
        if (!request.content().hasEntity()) {
            return new byte[0];
        }
        long announced = request.headers().contentLength().orElse(-1);
        if (announced > max) {
            throw tooLarge(announced, max);
        }
        try (InputStream in = request.content().inputStream()) {
            if (announced >= 0) {
                // Exactly the announced size: readNBytes(max + 1) allocated a 16 KB buffer for every
                // request whatever its size; a payment made 56 KB of garbage with it, 41 KB without.
                byte[] bytes = in.readNBytes((int) announced);
                if (bytes.length < announced) {
                    throw NodeException.of(ProblemType.MALFORMED_JSON, "the body ended after " + bytes.length
                            + " of the " + announced + " bytes its Content-Length announced");
                }
                return bytes;
            }
            byte[] bytes = in.readNBytes(max + 1);
            if (bytes.length > max) {
                throw tooLarge(bytes.length, max);
            }
            return bytes;
        } catch (IOException e) {
            throw NodeException.of(ProblemType.MALFORMED_JSON, "the body could not be read: " + e.getMessage());
        }
    }

    private static NodeException tooLarge(long size, int max) {
        return NodeException.of(ProblemType.REQUEST_TOO_LARGE, "the body is more than " + max
                + " bytes (" + size + " read or announced); this operation takes at most " + max);
    }
}
