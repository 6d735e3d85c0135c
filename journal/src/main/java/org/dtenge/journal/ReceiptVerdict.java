package org.dtenge.journal;

/** What checking a receipt found: valid, or the first check that failed, in the order they run. */
public enum ReceiptVerdict {
    VALID,
    /** The bytes are not a well-formed receipt (wrong length, magic, version or a header CRC). */
    MALFORMED,
    /** The event index is not within its batch's event count. */
    INDEX_OUT_OF_RANGE,
    /** The audit path does not lead from the event and result to the batch's Merkle root. */
    NOT_IN_BATCH,
    /** A later header does not follow the one before it (sequence or previous hash). */
    CHAIN_BROKEN,
    /** The chain is sound but ends at a hash other than the trusted head's. */
    HEAD_NOT_TRUSTED;

    public boolean isValid() {
        return this == VALID;
    }
}
