package org.dtenge.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * The two fields the load reads from the node's JSON answers, found by scanning the bytes rather than
 * parsing the whole answer, so that reading them costs the shared cores little: the number of
 * committed items of a batch ({@code "committed":8190}) and a payment's {@code "committedAt"}, the
 * ledger timestamp its batch was stamped with when the sequencer sealed it.
 */
final class AnswerFields {
    private AnswerFields() {}

    /** The first {@code "name":<integer>} in {@code body}. */
    static OptionalLong number(byte[] body, String name) {
        int at = valueStart(body, name);
        if (at < 0) {
            return OptionalLong.empty();
        }
        long value = 0;
        int digits = 0;
        for (int i = at; i < body.length && body[i] >= '0' && body[i] <= '9' && digits < 18; i++, digits++) {
            value = value * 10 + (body[i] - '0');
        }
        return digits == 0 ? OptionalLong.empty() : OptionalLong.of(value);
    }

    /** The first {@code "name":"<ISO-8601 instant>"} in {@code body}, as nanoseconds since the epoch. */
    static OptionalLong instantNanos(byte[] body, String name) {
        int at = valueStart(body, name);
        if (at < 0 || at >= body.length || body[at] != '"') {
            return OptionalLong.empty();
        }
        int end = at + 1;
        while (end < body.length && body[end] != '"') {
            end++;
        }
        if (end >= body.length) {
            return OptionalLong.empty();
        }
        try {
            Instant instant = Instant.parse(new String(body, at + 1, end - at - 1, StandardCharsets.US_ASCII));
            return OptionalLong.of(instant.getEpochSecond() * 1_000_000_000L + instant.getNano());
        } catch (java.time.DateTimeException e) {
            return OptionalLong.empty();
        }
    }

    /** Where the value of the first {@code "name":} starts, or -1. */
    private static int valueStart(byte[] body, String name) {
        byte[] key = ("\"" + name + "\":").getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + key.length <= body.length; i++) {
            for (int k = 0; k < key.length; k++) {
                if (body[i + k] != key[k]) {
                    continue outer;
                }
            }
            return i + key.length;
        }
        return -1;
    }
}
