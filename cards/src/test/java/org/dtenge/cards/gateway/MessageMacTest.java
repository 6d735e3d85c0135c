package org.dtenge.cards.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.dtenge.cards.iso8583.Decoded;
import org.dtenge.cards.iso8583.IsoMessage;
import org.dtenge.cards.iso8583.MessageCodec;
import org.junit.jupiter.api.Test;

/** A sealed message verifies; any changed byte, another key, or the MAC in the wrong field does not. */
class MessageMacTest {
    private final MessageCodec codec = MessageCodec.iso87Ascii();
    private final MessageMac mac = new MessageMac(key(1));

    private static byte[] key(int first) {
        byte[] key = new byte[32];
        key[0] = (byte) first;
        return key;
    }

    private IsoMessage decode(byte[] bytes) {
        return ((Decoded.Valid) codec.decode(bytes)).message();
    }

    @Test
    void theMacIsDe64OrDe128WhenTheSecondaryBitmapIsUsed() {
        IsoMessage primary = IsoMessage.of("0200").with(2, "4242424242424242").with(4, "000000001000").with(11, "000001");
        IsoMessage secondary = primary.withMti("0400").with(90, "020000000111250908064500000040000100000000");
        byte[] one = mac.seal(codec, primary);
        byte[] two = mac.seal(codec, secondary);
        assertThat(decode(one).has(64)).isTrue();
        assertThat(decode(two).has(128)).isTrue();
        assertThat(decode(two).has(64)).isFalse();
        assertThat(mac.verify(one, decode(one))).isTrue();
        assertThat(mac.verify(two, decode(two))).isTrue();
        assertThat(new MessageMac(key(2)).verify(one, decode(one))).isFalse();
        byte[] misplaced = codec.encode(decode(two).with(64, decode(two).field(128).orElseThrow()).without(128));
        assertThat(mac.verify(misplaced, decode(misplaced))).isFalse();
    }

    @Test
    void everyChangedByteThatStillParsesFailsTheMac() {
        long seed = Long.getLong("cards.seed", System.nanoTime());
        System.out.println("MessageMacTest seed " + seed);
        SplittableRandom random = new SplittableRandom(seed);
        IsoMessage message = IsoMessage.of("0100").with(2, "4242424242424242").with(3, "000000").with(4, "000000001000")
                .with(11, "000001").with(37, "000000000001").with(41, "TERM0001");
        byte[] sealed = mac.seal(codec, message);
        int checked = 0;
        for (int i = 0; i < 2_000; i++) {
            byte[] changed = sealed.clone();
            int at = random.nextInt(changed.length);
            byte other = (byte) ('0' + random.nextInt(10));
            if (other == changed[at]) {
                continue;
            }
            changed[at] = other;
            if (codec.decode(changed) instanceof Decoded.Valid valid) {
                assertThat(mac.verify(changed, valid.message())).as("seed %d, byte %d", seed, at).isFalse();
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(100);
    }
}
