package org.dtenge.cards.onay;

/** What became of one uploaded tap: paid now, paid before (a duplicate), or refused with a reason. */
public record TapResult(long sequence, Status status, long fareTiyn, String reason) {
    public enum Status {
        PAID,
        DUPLICATE,
        REFUSED
    }

    static TapResult refused(long sequence, String reason) {
        return new TapResult(sequence, Status.REFUSED, 0, reason);
    }
}
