package org.dtenge.cards;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test class whose tests share one node with the card gateway ({@link CardsFixture}, holds expiring
 * after 600 s), started before the first test and closed after the last. Test classes run one after
 * another, so the static fields are the running class's.
 */
public abstract class CardsEndToEndTest {
    @TempDir
    protected static Path dir;
    protected static CardsFixture f;

    @BeforeAll
    static void startCards() throws Exception {
        f = CardsFixture.start(dir, 600);
    }

    @AfterAll
    static void closeCards() {
        f.close();
    }
}
