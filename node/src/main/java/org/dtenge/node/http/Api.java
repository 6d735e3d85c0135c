package org.dtenge.node.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.media.MediaContext;
import io.helidon.http.media.jackson.JacksonSupport;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.dtenge.node.NodeMetrics;
import org.dtenge.node.Problem;
import org.dtenge.node.ProblemType;
import org.dtenge.node.auth.RequestAuthenticator;
import org.dtenge.node.auth.Sessions;
import org.dtenge.node.config.NodeConfig;
import org.dtenge.node.events.EventHub;
import org.dtenge.node.participant.ParticipantRegistry;
import org.dtenge.node.program.Programs;
import org.dtenge.node.service.Access;
import org.dtenge.node.service.BatchPayments;
import org.dtenge.node.service.Network;
import org.dtenge.node.service.Payments;
import org.dtenge.node.service.Queries;
import org.dtenge.node.service.TwoTier;
import org.dtenge.node.service.Wallets;

/**
 * The HTTP API on Helidon SE: every route wired here as plain code, in one place. The API is a thin
 * edge over the services: it parses and checks input, authenticates, calls a service and writes the
 * answer; the rules live in the services, which other gateways can call the same way.
 */
public final class Api {
    /** The services the API exposes. */
    public record Services(Network network, TwoTier twoTier, Wallets wallets, Payments payments, BatchPayments batches,
                           Queries queries, Access access, Programs programs) {}

    private final NodeConfig config;
    private final ObjectMapper json;
    private final NodeMetrics metrics;
    private final HttpRouting.Builder routing = HttpRouting.builder();
    private final Routes routes;
    private final Responses responses;

    public Api(NodeConfig config, ObjectMapper json, Services services, ParticipantRegistry registry,
               RequestAuthenticator authenticator, Sessions sessions, EventHub hub, NodeMetrics metrics, Supplier<Map<String, Object>> health,
               List<String> extensionsOpenApi) {
        this.config = config;
        this.json = json;
        this.metrics = metrics;
        this.responses = new Responses(json);
        Signed signed = new Signed(authenticator, responses, json);
        this.routes = new Routes(routing, signed, config.requestBytesMax(), config.batchRequestBytesMax());
        Views views = new Views(config, registry);
        routing.addFilter((chain, request, response) -> {
            long start = System.nanoTime();
            try {
                chain.proceed();
            } finally {
                metrics.request(request.prologue().method().text(), request.matchingPattern().orElse("unmatched"),
                        response.status().code(), System.nanoTime() - start);
            }
        });
        new PublicEndpoints(metrics, health, OpenApiDocument.build(extensionsOpenApi)).register(routes);
        new SessionEndpoints(sessions).register(routes);
        new ParticipantEndpoints(services.network(), views).register(routes);
        new MoneyEndpoints(services.twoTier(), services.payments(), views).register(routes);
        new WalletEndpoints(services.wallets(), services.queries(), config, views).register(routes);
        new PaymentEndpoints(services.payments(), services.batches(), services.queries(), views).register(routes);
        new QrEndpoints(services.access()).register(routes);
        new QueryEndpoints(services.queries()).register(routes);
        new ProgramEndpoints(services.programs()).register(routes);
        new EscrowEndpoints(services.programs().escrows(), views).register(routes);
        new EventStream(hub, signed, responses).register(routes);
    }

    /** Adds an extension's route; before {@link #start}, so that it comes before the catch-all. */
    public void add(ExtensionRoute route) {
        if (route.largeBody()) {
            routes.postLarge(route.path(), route.endpoint());
        } else {
            routes.signed(route.method(), route.path(), route.endpoint());
        }
    }

    /** Every route, for the test that checks openapi.yaml documents them all. */
    public List<Route> routes() {
        return routes.all();
    }

    public WebServer start() {
        // Last, so that routes added by extensions match first.
        routing.any((request, response) -> responses.problem(request, response, Problem.of(ProblemType.NOT_FOUND,
                "no operation " + request.prologue().method().text() + " " + request.path().rawPath()
                        + "; see /openapi.yaml for the operations")));
        return WebServer.builder()
                .host(config.host())
                .port(config.port())
                .shutdownHook(false) // the node stops the server itself, in order (see Node)
                .shutdownGracePeriod(Duration.ofSeconds(5))
                // Bodies are bounded per route by Signed; this only stops a runaway upload early.
                .maxPayloadSize(config.batchRequestBytesMax() + 1L)
                .mediaContext(MediaContext.builder().addMediaSupport(JacksonSupport.create(json))
                        .mediaSupportsDiscoverServices(false).build())
                .routing(routing)
                .build()
                .start();
    }
}
