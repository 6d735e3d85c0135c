package org.dtenge.node.chain;

import java.security.DigestException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.dtenge.journal.LeafData;
import org.dtenge.journal.Merkle;

/**
 * The whole RFC 6962 Merkle tree of one batch, every level kept, so that each of its events' audit
 * paths costs a few copies rather than re-hashing the batch (what {@link Merkle#auditPath} does, fine
 * for one receipt, too slow for one per payment). Built bottom-up exactly as the journal builds its
 * root: pair neighbours, carry an unpaired last node up unchanged.
 */
final class BatchTree {
    private static final int HASH = Merkle.HASH_SIZE;

    private final List<byte[]> levels = new ArrayList<>();
    private final List<Integer> sizes = new ArrayList<>();

    BatchTree(int count, LeafData leaves) {
        if (count < 1) {
            throw new IllegalArgumentException("a batch has at least one event");
        }
        MessageDigest sha256 = Merkle.sha256();
        byte[] level = new byte[count * HASH];
        for (int i = 0; i < count; i++) {
            sha256.update((byte) 0x00);
            leaves.feed(i, sha256);
            digestInto(sha256, level, i * HASH);
        }
        int size = count;
        levels.add(level);
        sizes.add(size);
        while (size > 1) {
            int next = (size + 1) / 2;
            byte[] up = new byte[next * HASH];
            for (int j = 0; j < size / 2; j++) {
                sha256.update((byte) 0x01);
                sha256.update(level, 2 * j * HASH, 2 * HASH);
                digestInto(sha256, up, j * HASH);
            }
            if ((size & 1) == 1) {
                System.arraycopy(level, (size - 1) * HASH, up, (next - 1) * HASH, HASH);
            }
            level = up;
            size = next;
            levels.add(level);
            sizes.add(size);
        }
    }

    byte[] root() {
        return java.util.Arrays.copyOf(levels.getLast(), HASH);
    }

    /** Sibling hashes from the leaf up, as {@link Merkle#auditPath} lists them. */
    List<byte[]> auditPath(int index) {
        if (index < 0 || index >= sizes.getFirst()) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + sizes.getFirst());
        }
        List<byte[]> path = new ArrayList<>();
        int node = index;
        for (int k = 0; k < levels.size() - 1; k++) {
            int sibling = node ^ 1;
            if (sibling < sizes.get(k)) {
                path.add(java.util.Arrays.copyOfRange(levels.get(k), sibling * HASH, (sibling + 1) * HASH));
            }
            node >>>= 1;
        }
        return path;
    }

    private static void digestInto(MessageDigest sha256, byte[] into, int offset) {
        try {
            sha256.digest(into, offset, HASH);
        } catch (DigestException e) {
            throw new IllegalStateException("a 32-byte slot always holds a SHA-256 digest", e);
        }
    }
}
