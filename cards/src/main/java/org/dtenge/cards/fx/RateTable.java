package org.dtenge.cards.fx;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Every bank's rates, by bank and currency; written only after a rate record is durable. */
public final class RateTable {
    private record Key(long bank, int currency) {}

    private final ConcurrentHashMap<Key, FxRate> rates = new ConcurrentHashMap<>();

    public void put(FxRate rate) {
        rates.put(new Key(rate.bank(), rate.currency()), rate);
    }

    public Optional<FxRate> find(long bank, int currency) {
        return Optional.ofNullable(rates.get(new Key(bank, currency)));
    }

    public List<FxRate> ofBank(long bank) {
        return rates.values().stream().filter(r -> r.bank() == bank).sorted(Comparator.comparingInt(FxRate::currency)).toList();
    }
}
