package org.dtenge.node.service;

import org.dtenge.node.Problem;

/**
 * What a service did: done (with whether it created something new, or found it already done, which is
 * how idempotent repeats answer), or refused for a business reason. Refusals are values, never
 * exceptions: the ledger said no, and that is an ordinary answer.
 */
public sealed interface Outcome<T> {
    record Done<T>(T value, boolean created) implements Outcome<T> {}

    record Refused<T>(Problem problem) implements Outcome<T> {}

    static <T> Outcome<T> done(T value, boolean created) {
        return new Done<>(value, created);
    }

    static <T> Outcome<T> refused(Problem problem) {
        return new Refused<>(problem);
    }
}
