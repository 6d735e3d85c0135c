package org.dtenge.cards.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.dtenge.cards.CardsFixture;
import org.dtenge.node.RouteSweep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node with the card extension documents the card routes in its /openapi.yaml beside its own: every
 * route it answers, each with a summary and signed, and nothing it does not answer.
 */
class CardsDocumentsTest {
    @TempDir
    Path dir;

    @Test
    void theServedOpenApiDocumentHasTheCardRoutesToo() throws Exception {
        try (CardsFixture f = CardsFixture.start(dir, 600)) {
            JsonNode openapi = RouteSweep.everyRouteIsDocumented(f.node);
            assertThat(f.node.node.routes().stream().map(r -> r.method() + " " + r.path()))
                    .contains("POST /v1/cards", "GET /v1/cards/{card}/transactions", "POST /v1/onay/taps", "GET /v1/cash-report");
            assertThat(openapi.get("tags").findValuesAsText("name")).contains("cards", "onay");
        }
    }
}
