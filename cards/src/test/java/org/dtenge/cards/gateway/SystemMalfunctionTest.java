package org.dtenge.cards.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.nio.file.Path;
import org.dtenge.cards.CardsFixture;
import org.dtenge.cards.iso8583.IsoMessage;
import org.dtenge.cards.terminal.Terminal;
import org.dtenge.node.Node;
import org.dtenge.sequencer.Sequencer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Response code 96 over a real TCP connection: the node's ledger stops (its sequencer is closed, as
 * after a journal failure) while the gateway still listens. Every message that would move money is
 * answered 96, system malfunction, so the acquirer retries or declines; network management is still
 * answered. A node of its own, since it cannot move money afterwards.
 */
class SystemMalfunctionTest {
    private static final int KZT = 398;

    @TempDir
    static Path dir;
    static CardsFixture f;
    static Terminal pos;

    @BeforeAll
    static void start() throws Exception {
        f = CardsFixture.start(dir, 600);
        pos = f.terminal(Terminal.Kind.POS, "POS00096");
    }

    @AfterAll
    static void stop() {
        pos.connection().close();
        f.close();
    }

    @Test
    void whenTheLedgerStopsMoneyMessagesAreAnswered96() throws Exception {
        CardsFixture.Issued card = f.card("1000.00");
        assertThat(pos.pay(card.pan(), 10_000, KZT, pos.newRrn()).field(39)).hasValue("00"); // while it runs

        Field sequencer = Node.class.getDeclaredField("sequencer");
        sequencer.setAccessible(true);
        ((Sequencer) sequencer.get(f.node.node)).close();

        IsoMessage purchase = pos.pay(card.pan(), 10_000, KZT, pos.newRrn());
        assertThat(purchase.mti()).isEqualTo("0210");
        assertThat(purchase.field(39)).hasValue("96");
        IsoMessage hold = pos.authorize(card.pan(), 5_000, KZT, pos.newRrn());
        assertThat(hold.mti()).isEqualTo("0110");
        assertThat(hold.field(39)).hasValue("96");
        assertThat(pos.echo().field(39)).hasValue("00");
    }
}
