package org.dtenge.bench;

import java.util.ArrayList;
import java.util.List;
import org.dtenge.ledger.Result;
import org.dtenge.ledger.Results;

/** How many events ended with each {@link Result}: shows what mix a run really applied. */
final class ResultTally {
    private final long[] counts = new long[Result.values().length];
    private long total;

    void add(Results results) {
        for (int i = 0; i < results.count(); i++) {
            counts[results.packed(i) & 0xFF]++;
        }
        total += results.count();
    }

    long total() {
        return total;
    }

    long count(Result result) {
        return counts[result.ordinal()];
    }

    /** "OK 93.1%, INSUFFICIENT_FUNDS 3.2%, ...", most frequent first. */
    String describe() {
        List<Result> seen = new ArrayList<>();
        for (Result result : Result.values()) {
            if (counts[result.ordinal()] > 0) {
                seen.add(result);
            }
        }
        seen.sort((a, b) -> Long.compare(counts[b.ordinal()], counts[a.ordinal()]));
        StringBuilder text = new StringBuilder();
        for (Result result : seen) {
            if (!text.isEmpty()) {
                text.append(", ");
            }
            text.append(String.format("%s %.2f%%", result, 100.0 * counts[result.ordinal()] / Math.max(1, total)));
        }
        return text.toString();
    }
}
