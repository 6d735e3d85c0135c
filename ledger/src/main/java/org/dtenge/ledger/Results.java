package org.dtenge.ledger;

/**
 * One result per event of a batch, reused across batches. Each entry packs the {@link Result} ordinal
 * (low 8 bits); for {@link Result#POLICY_REJECTED}, the policy's reason code (next 16 bits); and for a
 * transfer applied with policy legs, how many legs (top 8 bits), so that readers of the journal (the
 * node's projections) know to look the legs up. The journal stores a result as one int.
 */
public final class Results {
    private final int[] codes;
    private int count;

    public Results() {
        this(EventBatch.EVENTS_MAX);
    }

    public Results(int capacity) {
        this.codes = new int[capacity];
    }

    public int count() {
        return count;
    }

    public Result result(int index) {
        return Result.of(packed(index) & 0xFF);
    }

    /** The policy's reason code when {@link #result(int)} is POLICY_REJECTED, else 0. */
    public int reason(int index) {
        return (packed(index) >>> 8) & 0xFFFF;
    }

    /**
     * How many policy legs an applied transfer (or post) added, 0 to {@link Legs#LEGS_MAX}; their ids
     * are {@link Ledger#legIdHi}/{@link Ledger#legIdLo} of the transfer's id and the leg's index.
     */
    public int legs(int index) {
        return packed(index) >>> 24;
    }

    /** The stored form of entry {@code index}. */
    public int packed(int index) {
        Check.argument(index >= 0 && index < count, "no such result");
        return codes[index];
    }

    public void clear() {
        count = 0;
    }

    /** Sets the number of entries; the ledger then fills each with {@link #set}. */
    public void reset(int newCount) {
        Check.argument(newCount >= 0 && newCount <= codes.length, "results overflow");
        count = newCount;
    }

    public void set(int index, Result result, int reason) {
        Check.argument(reason >= 0 && reason <= 0xFFFF, "reason must fit 16 bits");
        codes[index] = result.ordinal() | (reason << 8);
    }

    /** An applied event, with the number of policy legs it added. */
    public void setApplied(int index, int legs) {
        Check.argument(legs >= 0 && legs <= Legs.LEGS_MAX, "legs must be 0.." + Legs.LEGS_MAX);
        codes[index] = Result.OK.ordinal() | (legs << 24);
    }

    /** Restores entries from their stored form, as read back from a journal. */
    public void setPacked(int index, int packed) {
        codes[index] = packed;
    }

    public void copyFrom(Results other) {
        reset(other.count);
        System.arraycopy(other.codes, 0, codes, 0, other.count);
    }
}
