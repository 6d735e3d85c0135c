package org.dtenge.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Requests through {@code java.net.http.HttpClient}, HTTP/1.1 with keep-alive (one connection per request in flight). */
final class JdkTransport implements Transport {
    private final HttpClient client;
    private final String base;

    JdkTransport(String host, int port) {
        // HTTP/1.1 explicitly: the default (HTTP/2) would try an h2c upgrade that the node does not offer.
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .build();
        this.base = "http://" + host + ":" + port;
    }

    @Override
    public Prepared prepare(SignedRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + request.path()))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", request.contentType());
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            builder.header(header.getKey(), header.getValue());
        }
        builder.method(request.method(), request.body().length == 0 ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        return new Prepared(builder.build(), null);
    }

    @Override
    public Answer send(Prepared request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = client.send(request.jdk(), HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(response.statusCode(), response.body());
    }

    @Override
    public String describe() {
        return "java.net.http.HttpClient, HTTP/1.1";
    }

    @Override
    public void close() {
        client.close();
    }
}
