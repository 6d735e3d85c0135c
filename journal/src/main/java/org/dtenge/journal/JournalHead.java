package org.dtenge.journal;

import java.util.HexFormat;

/**
 * The last batch of a journal: its sequence and hash; sequence 0 and the zero hash when empty. Handing
 * out the head hash is how an operator lets users check receipts against a head they trust.
 */
public record JournalHead(long sequence, byte[] hash) {
    public JournalHead {
        if (sequence < 0 || hash.length != Merkle.HASH_SIZE) {
            throw new IllegalArgumentException("a head is a sequence >= 0 and a 32-byte hash");
        }
        hash = hash.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JournalHead head && head.sequence == sequence
                && java.util.Arrays.equals(head.hash, hash);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(sequence) * 31 + java.util.Arrays.hashCode(hash);
    }

    @Override
    public String toString() {
        return "head " + sequence + " " + HexFormat.of().formatHex(hash);
    }
}
