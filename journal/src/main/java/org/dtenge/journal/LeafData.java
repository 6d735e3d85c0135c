package org.dtenge.journal;

import java.security.MessageDigest;

/**
 * The data of the leaves of a Merkle tree, fed straight into a digest so that hashing a batch copies
 * and allocates nothing per leaf.
 */
@FunctionalInterface
public interface LeafData {
    /** Feeds the bytes of leaf {@code index} (without the RFC 6962 leaf prefix) into {@code digest}. */
    void feed(int index, MessageDigest digest);
}
