package org.dtenge.ledger;

/**
 * Turns a CREATE_POLICY event (template number and parameters) into a {@link Policy}. The ledger is
 * given one at construction; the programs module supplies a richer one. Templates must be pure: the
 * same parameters always give a policy that decides the same way, or replay would diverge.
 */
public interface PolicyTemplates {
    /** What instantiating a template gave. */
    sealed interface Instance permits Created, UnknownTemplate, InvalidParameters {}

    record Created(Policy policy) implements Instance {}

    record UnknownTemplate() implements Instance {}

    record InvalidParameters(String why) implements Instance {}

    Instance create(int template, long[] params);
}
