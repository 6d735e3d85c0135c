package org.dtenge.cards.card;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cards, by the keyed hash of their PAN: what the journal's card records say, last record wins.
 * Read by the gateway's connection threads; written only after a record is durable.
 */
public final class CardRegistry {
    private final ConcurrentHashMap<ByteBuffer, Card> byHash = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Card> byId = new ConcurrentHashMap<>();

    public void put(Card card) {
        byHash.put(ByteBuffer.wrap(card.panHash()), card);
        byId.put(card.id(), card);
    }

    public Optional<Card> find(byte[] panHash) {
        return Optional.ofNullable(byHash.get(ByteBuffer.wrap(panHash)));
    }

    public Optional<Card> findById(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The cards issued by {@code bank}, ordered by id. */
    public List<Card> ofBank(long bank) {
        return byHash.values().stream().filter(card -> card.bank() == bank)
                .sorted(java.util.Comparator.comparing(Card::id)).toList();
    }

    public int size() {
        return byHash.size();
    }
}
