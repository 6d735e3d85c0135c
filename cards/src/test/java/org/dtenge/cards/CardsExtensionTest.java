package org.dtenge.cards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.dtenge.node.NodeException;
import org.dtenge.node.TestNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The node starts the gateway, or does not start at all, saying why. */
class CardsExtensionTest {
    @TempDir
    Path dir;

    @Test
    void aTakenGatewayPortStopsTheNodeWithAClearMessageAndLeavesTheDirectoryUsable() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            System.setProperty("dtenge.cards.port", Integer.toString(taken.getLocalPort()));
            assertThatThrownBy(() -> TestNode.start(dir)).isInstanceOf(NodeException.class)
                    .hasMessageContaining("the cards extension cannot start")
                    .hasMessageContaining("cards.port");
        } finally {
            System.setProperty("dtenge.cards.port", "0");
        }
        try (CardsFixture f = CardsFixture.start(dir, 600)) {
            assertThat(f.gatewayPort).isPositive();
        }
    }
}
