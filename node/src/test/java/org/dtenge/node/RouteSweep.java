package org.dtenge.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.dtenge.node.http.Route;

/**
 * Every route a node answers, swept with requests no route may accept: unsigned (401 on every signed
 * route), and signed with a body that is not JSON or path parameters that name nothing (a 4xx problem
 * with a specific type and detail, never a success or a 500). The caller checks afterwards that nothing
 * changed. Used for the node's own routes and, in the cards module, with the card routes added.
 */
public final class RouteSweep {
    private RouteSweep() {}

    /** Placeholders for path parameters: "x" is never a valid address, id, program or card. */
    private static String path(Route route) {
        return route.path().replaceAll("\\{[^}]+}", "x");
    }

    public static void unsignedRequestsAre401(TestNode node) {
        ApiClient anonymous = node.anonymous();
        List<Route> signed = node.node.routes().stream().filter(Route::signed).toList();
        assertThat(signed).hasSizeGreaterThan(25);
        for (Route route : signed) {
            byte[] body = route.method().equals("GET") ? new byte[0] : "{}".getBytes(StandardCharsets.UTF_8);
            ApiClient.Answer answer = anonymous.send(route.method(), path(route), body, Map.of("Dtenge-Participant", "nobody"));
            assertThat(answer.status()).as(route + ": " + answer).isEqualTo(401);
            assertThat(answer.header("Content-Type").orElse("")).as(route.toString()).startsWith("application/problem+json");
        }
    }

    /** Signed by {@code participant}: every POST with a body that is not JSON, every route with parameters that name nothing. */
    public static void badInputIsA4xxProblem(TestNode node, String participant) {
        ApiClient client = node.as(participant);
        for (Route route : node.node.routes()) {
            if (!route.signed()) {
                continue;
            }
            boolean hasParameters = route.path().contains("{");
            if (route.method().equals("GET") && !hasParameters) {
                continue; // nothing to get wrong but the query, which the endpoints' own tests cover
            }
            ApiClient.Answer answer = route.method().equals("GET") ? client.get(path(route))
                    : client.post(path(route), "this is not JSON");
            assertThat(answer.status()).as(route + ": " + answer).isBetween(400, 499);
            assertThat(answer.header("Content-Type").orElse("")).as(route + ": " + answer).startsWith("application/problem+json");
            assertThat(answer.type()).as(route + ": " + answer).isNotBlank().isNotEqualTo("internal");
            assertThat(answer.text("detail")).as(route + ": " + answer).isNotBlank();
        }
    }
}
