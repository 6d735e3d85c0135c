package org.dtenge.node;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test class whose tests share one real node ({@link TestNode}), started before the first and closed
 * after the last, over a data directory of the class's own, and a client acting as Halyk. A subclass's own {@code @BeforeAll} runs
 * after the node has started and its {@code @AfterAll} before it closes. Test classes run one after
 * another (no parallel execution is configured), so the static fields are the running class's.
 */
public abstract class EndToEndTest {
    @TempDir
    protected static Path dir;
    protected static TestNode node;
    /** Halyk Bank, the genesis bank most tests act as. */
    protected static ApiClient halyk;

    @BeforeAll
    static void startNode() throws Exception {
        node = TestNode.start(dir);
        halyk = node.as("halyk");
    }

    /** A new customer's wallet at Halyk, of {@code tier}, with {@code amount} cashed in. */
    protected static CustomerWallet funded(String tier, String amount) {
        return CustomerWallet.open(halyk, tier, amount);
    }

    @AfterAll
    static void closeNode() {
        node.close();
    }
}
