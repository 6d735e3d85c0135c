package org.dtenge.journal;

import java.util.List;
import org.dtenge.ledger.Event;

/**
 * Checks a {@link Receipt} offline against a head hash the verifier trusts (published by the operator,
 * say): the event and its result hash to a leaf on the batch's Merkle root, the batch header leads by
 * its hash chain to the head, and the head's hash is the trusted one. Returns a verdict for any input,
 * never an exception.
 */
public final class ReceiptVerifier {
    private ReceiptVerifier() {}

    public static ReceiptVerdict verify(byte[] encodedReceipt, byte[] trustedHeadHash) {
        Receipt receipt;
        try {
            receipt = Receipt.decode(encodedReceipt);
        } catch (IllegalArgumentException e) {
            return ReceiptVerdict.MALFORMED;
        }
        return verify(receipt, trustedHeadHash);
    }

    public static ReceiptVerdict verify(Receipt receipt, byte[] trustedHeadHash) {
        if (receipt == null || trustedHeadHash == null) {
            return ReceiptVerdict.MALFORMED;
        }
        BatchHeader batch = receipt.batch();
        if (receipt.index() < 0 || receipt.index() >= batch.eventCount()) {
            return ReceiptVerdict.INDEX_OUT_OF_RANGE;
        }
        if (!inBatch(receipt)) {
            return ReceiptVerdict.NOT_IN_BATCH;
        }
        BatchHeader previous = batch;
        for (BatchHeader later : receipt.laterBatches()) {
            if (later.sequence() != previous.sequence() + 1 || !later.follows(previous.hash())) {
                return ReceiptVerdict.CHAIN_BROKEN;
            }
            previous = later;
        }
        return previous.hasHash(trustedHeadHash) ? ReceiptVerdict.VALID : ReceiptVerdict.HEAD_NOT_TRUSTED;
    }

    private static boolean inBatch(Receipt receipt) {
        byte[] event = receipt.event();
        int result = receipt.result();
        Merkle merkle = new Merkle();
        byte[] leaf = merkle.leafHash(0, (index, digest) -> {
            digest.update(event, 0, Event.SIZE);
            digest.update(littleEndian(result));
        });
        List<byte[]> path = receipt.auditPath();
        return merkle.verify(leaf, receipt.index(), receipt.batch().eventCount(), path, receipt.batch().merkleRoot());
    }

    private static byte[] littleEndian(int value) {
        return new byte[] {(byte) value, (byte) (value >>> 8), (byte) (value >>> 16), (byte) (value >>> 24)};
    }
}
