package org.dtenge.ledger;

import java.nio.ByteBuffer;

/**
 * Turns a CREATE_POLICY event (template number and parameters) into a {@link Policy}. The ledger is
 * given one at construction; the programs module supplies a richer one. Templates must be pure: the
 * same parameters always give a policy that decides the same way, or replay would diverge.
 *
 * <p>Templates may keep state that their policies read (the programs module keeps contract texts
 * and contract status there), on two conditions that keep replay exact. It changes only in
 * {@link #onRecord}, which the ledger calls for every RECORD it applies, in journal order, so a replay
 * feeds it the same input; and {@link #capture} and {@link #restore} carry it through the ledger's
 * image, so a ledger restored from a snapshot and replayed decides as the live one did. A policy must
 * never change that state while deciding a transfer: a linked chain that fails is rolled back and
 * the state would not be.
 */
public interface PolicyTemplates {
    /** What instantiating a template gave. */
    sealed interface Instance permits Created, UnknownTemplate, InvalidParameters {}

    record Created(Policy policy) implements Instance {}

    record UnknownTemplate() implements Instance {}

    record InvalidParameters(String why) implements Instance {}

    Instance create(int template, long[] params);

    /**
     * Sees a RECORD event as the ledger applies it: the {@value Event#RECORD_PAYLOAD_SIZE} payload
     * bytes from {@code payload} at {@code offset}. Called on the sequencer thread, inside
     * {@code apply}; must be deterministic and must not throw on a payload it does not recognise
     * (records belong to many readers). Templates without state ignore it.
     */
    default void onRecord(ByteBuffer payload, int offset, long timestampNanos) {}

    /**
     * The templates' state as canonical bytes for the ledger image (equal state, equal bytes); empty
     * when there is none. Called between batches on the sequencer thread; the bytes must not be
     * changed afterwards.
     */
    default byte[] capture() {
        return new byte[0];
    }

    /**
     * Replaces the state with one {@link #capture} gave, before the image's policies are recreated.
     * Returns false when the bytes are not a state this implementation reads.
     */
    default boolean restore(byte[] state) {
        return state.length == 0;
    }
}
