package org.dtenge.cards.onay;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The fares in force, by issuing bank and route type; written only after a fare record is durable. */
public final class FareTable {
    private record Key(long bank, RouteType routeType) {}

    private final ConcurrentHashMap<Key, Fare> fares = new ConcurrentHashMap<>();

    public void put(Fare fare) {
        fares.put(new Key(fare.bank(), fare.routeType()), fare);
    }

    public Optional<Fare> find(long bank, RouteType routeType) {
        return Optional.ofNullable(fares.get(new Key(bank, routeType)));
    }

    public List<Fare> ofBank(long bank) {
        return fares.values().stream().filter(f -> f.bank() == bank).sorted(Comparator.comparing(Fare::routeType)).toList();
    }
}
