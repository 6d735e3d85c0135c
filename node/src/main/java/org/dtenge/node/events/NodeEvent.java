package org.dtenge.node.events;

import java.util.Map;

/**
 * Something that happened on an account, for the participant that services it: a payment in or out,
 * a wallet opened, frozen, unfrozen, closed or moved to another tier.
 *
 * @param recipient the code of the participant that receives it
 * @param type      {@code payment.incoming}, {@code payment.outgoing}, {@code wallet.opened}, ...
 * @param id        unique and increasing: the ledger timestamp of the event, in nanoseconds
 * @param data      the JSON body
 */
public record NodeEvent(long recipient, String type, String id, Map<String, Object> data) {
    public NodeEvent {
        data = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(data)); // keeps the field order
    }
}
