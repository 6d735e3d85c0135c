package org.dtenge.node.participant;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is on the network, in memory, for the request threads. Filled from the projection at start and
 * then from each registration as it commits. The first registration of an id or a code wins, in
 * journal order, so replaying the journal always gives the same registry.
 */
public final class ParticipantRegistry {
    private final ConcurrentHashMap<String, Participant> byId = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, Participant> byCode = new ConcurrentHashMap<>();

    /** Adds {@code participant} unless its id or code is taken; true when it was added or is already there. */
    public synchronized boolean add(Participant participant) {
        Participant sameId = byId.get(participant.id());
        Participant sameCode = byCode.get(participant.code());
        if (sameId != null || sameCode != null) {
            return sameId != null && sameId.sameAs(participant);
        }
        byId.put(participant.id(), participant);
        byCode.put(participant.code(), participant);
        return true;
    }

    public Optional<Participant> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Optional<Participant> byCode(long code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public List<Participant> all() {
        List<Participant> all = new ArrayList<>(byId.values());
        all.sort(Comparator.comparingLong(Participant::code));
        return all;
    }

    public int size() {
        return byId.size();
    }
}
