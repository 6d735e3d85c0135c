package org.dtenge.cards.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.dtenge.cards.CardsEndToEndTest;
import org.dtenge.node.LedgerState;
import org.dtenge.node.RouteSweep;
import org.junit.jupiter.api.Test;

/**
 * A node with the card extension, checked route by route with the card routes added to its own: every
 * route is in /openapi.yaml (with a summary, signed) and nothing else is; unsigned requests are 401;
 * a body that is not JSON, or a card, wallet or program that does not exist, is a 4xx problem; none of
 * it changes the ledger.
 */
class CardsRoutesTest extends CardsEndToEndTest {
    @Test
    void theServedOpenApiDocumentHasTheCardRoutesToo() throws Exception {
        JsonNode openapi = RouteSweep.everyRouteIsDocumented(f.node);
        assertThat(f.node.node.routes().stream().map(r -> r.method() + " " + r.path()))
                .contains("POST /v1/cards", "GET /v1/cards/{card}/transactions", "POST /v1/onay/taps", "GET /v1/cash-report");
        assertThat(openapi.get("tags").findValuesAsText("name")).contains("cards", "onay");
    }

    @Test
    void unsignedRequestsAndGarbageChangeNothing() {
        LedgerState before = LedgerState.of(f.node);
        RouteSweep.unsignedRequestsAre401(f.node);
        for (String participant : new String[] {"halyk", "nbk", "kazpost", "almaty"}) {
            RouteSweep.badInputIsA4xxProblem(f.node, participant);
        }
        before.unchangedIn(f.node);
    }
}
