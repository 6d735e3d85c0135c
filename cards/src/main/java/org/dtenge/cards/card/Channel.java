package org.dtenge.cards.card;

import java.util.EnumSet;
import java.util.Set;

/** Where a card may be used; a card allows a set of them, kept as bits in its record. */
public enum Channel {
    IN_STORE,
    ONLINE,
    ATM,
    ABROAD;

    public int bit() {
        return 1 << ordinal();
    }

    public static int bits(Set<Channel> channels) {
        int bits = 0;
        for (Channel channel : channels) {
            bits |= channel.bit();
        }
        return bits;
    }

    public static Set<Channel> of(int bits) {
        EnumSet<Channel> channels = EnumSet.noneOf(Channel.class);
        for (Channel channel : values()) {
            if ((bits & channel.bit()) != 0) {
                channels.add(channel);
            }
        }
        return channels;
    }
}
