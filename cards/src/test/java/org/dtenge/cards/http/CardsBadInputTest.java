package org.dtenge.cards.http;

import java.nio.file.Path;
import org.dtenge.cards.CardsFixture;
import org.dtenge.node.LedgerState;
import org.dtenge.node.RouteSweep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The card routes, with the node's, refuse unsigned requests (401), and answer a body that is not JSON
 * or a card, wallet or program that does not exist with a 4xx problem; none of it changes the ledger.
 */
class CardsBadInputTest {
    @TempDir
    Path dir;

    @Test
    void unsignedRequestsAndGarbageChangeNothing() throws Exception {
        try (CardsFixture f = CardsFixture.start(dir, 600)) {
            LedgerState before = LedgerState.of(f.node);
            RouteSweep.unsignedRequestsAre401(f.node);
            for (String participant : new String[] {"halyk", "nbk", "kazpost", "almaty"}) {
                RouteSweep.badInputIsA4xxProblem(f.node, participant);
            }
            before.unchangedIn(f.node);
        }
    }
}
