package org.dtenge.node.chain;

import java.util.Optional;
import org.dtenge.ledger.Event;
import org.dtenge.ledger.EventBatch;

/**
 * The node's kinds of RECORD event: the first byte of the record payload. Written into the journal,
 * so the codes never change meaning. The ledger journals records without reading them; the node's
 * projections rebuild the participant registry and the payment signatures from them. Codes 0x50 and
 * up belong to the programs module ({@code org.dtenge.programs.ContractRecords}: contract documents,
 * statuses, schedules), which the ledger's policy templates read as records are applied.
 */
public enum RecordKind {
    PARTICIPANT(1),
    PAYMENT_SIGNATURE(2),
    /** The cards module's records (cards, rate tables...); the payload's second byte says which. */
    CARDS(16);

    public final int code;

    RecordKind(int code) {
        this.code = code;
    }

    /** The kind of RECORD event {@code index} of {@code batch}, if it is one of the node's. */
    public static Optional<RecordKind> of(EventBatch batch, int index) {
        int code = batch.array()[index * Event.SIZE + Event.RECORD_PAYLOAD];
        for (RecordKind kind : values()) {
            if (kind.code == code) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** The payload of RECORD event {@code index}: {@value Event#RECORD_PAYLOAD_SIZE} bytes. */
    static byte[] payload(EventBatch batch, int index) {
        int from = index * Event.SIZE + Event.RECORD_PAYLOAD;
        return java.util.Arrays.copyOfRange(batch.array(), from, from + Event.RECORD_PAYLOAD_SIZE);
    }
}
