package org.dtenge.journal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 6962 (section 2.1) Merkle tree hashing with SHA-256:
 *
 * <pre>
 * MTH({})       = SHA-256()
 * MTH({d0})     = SHA-256(0x00 || d0)                       leaf hash
 * MTH(D[0:n])   = SHA-256(0x01 || MTH(D[0:k]) || MTH(D[k:n])) node hash, k = largest power of 2 below n
 * </pre>
 *
 * <p>Computed bottom-up: hash the leaves, then pair neighbours level by level, carrying an unpaired last
 * node up unchanged. That gives the same tree as the recursive split, because every left subtree of the
 * split is perfect. The audit path lists the sibling hashes from the leaf up to the root.
 *
 * <p>An instance reuses one digest and one scratch array, so the root of a batch costs no allocation
 * per leaf. Not thread-safe.
 */
public final class Merkle {
    public static final int HASH_SIZE = 32;
    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    private final MessageDigest sha256;
    private byte[] level = new byte[HASH_SIZE * 64];

    public Merkle() {
        this.sha256 = sha256();
    }

    /** A fresh SHA-256 digest; every JDK has one, so its absence is a broken runtime. */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** The root of {@code count} leaves, written to {@code root} at {@code offset}. */
    public void root(int count, LeafData leaves, byte[] root, int offset) {
        if (count < 0) {
            throw new IllegalArgumentException("leaf count must not be negative: " + count);
        }
        if (count == 0) {
            sha256.reset();
            digestInto(root, offset);
            return;
        }
        hashLeaves(count, leaves);
        for (int size = count; size > 1; size = (size + 1) / 2) {
            reduce(size);
        }
        System.arraycopy(level, 0, root, offset, HASH_SIZE);
    }

    public byte[] root(int count, LeafData leaves) {
        byte[] root = new byte[HASH_SIZE];
        root(count, leaves, root, 0);
        return root;
    }

    /** The audit path of leaf {@code index} among {@code count} leaves: sibling hashes, leaf level first. */
    public List<byte[]> auditPath(int count, LeafData leaves, int index) {
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + count);
        }
        hashLeaves(count, leaves);
        List<byte[]> path = new ArrayList<>();
        int node = index;
        for (int size = count; size > 1; size = (size + 1) / 2) {
            int sibling = node ^ 1;
            if (sibling < size) {
                byte[] hash = new byte[HASH_SIZE];
                System.arraycopy(level, sibling * HASH_SIZE, hash, 0, HASH_SIZE);
                path.add(hash);
            }
            reduce(size);
            node >>>= 1;
        }
        return path;
    }

    /** SHA-256(0x00 || leaf data) of one leaf. */
    public byte[] leafHash(int index, LeafData leaves) {
        sha256.reset();
        sha256.update(LEAF_PREFIX);
        leaves.feed(index, sha256);
        byte[] hash = new byte[HASH_SIZE];
        digestInto(hash, 0);
        return hash;
    }

    /**
     * Whether {@code path} proves that the leaf with hash {@code leafHash} is leaf {@code index} of a tree
     * of {@code count} leaves with root {@code root} (RFC 9162 section 2.1.3.2). False for any malformed
     * input, never an exception.
     */
    public boolean verify(byte[] leafHash, int index, int count, List<byte[]> path, byte[] root) {
        if (index < 0 || index >= count || leafHash.length != HASH_SIZE || root.length != HASH_SIZE) {
            return false;
        }
        long node = index;
        long last = count - 1L;
        byte[] hash = leafHash.clone();
        for (byte[] sibling : path) {
            if (last == 0 || sibling == null || sibling.length != HASH_SIZE) {
                return false;
            }
            if ((node & 1) == 1 || node == last) {
                node(sibling, hash, hash);
                if ((node & 1) == 0) {
                    // The node was carried up unpaired: skip the levels where it had no sibling.
                    while ((node & 1) == 0 && node != 0) {
                        node >>>= 1;
                        last >>>= 1;
                    }
                }
            } else {
                node(hash, sibling, hash);
            }
            node >>>= 1;
            last >>>= 1;
        }
        return last == 0 && MessageDigest.isEqual(hash, root);
    }

    private void node(byte[] left, byte[] right, byte[] into) {
        sha256.reset();
        sha256.update(NODE_PREFIX);
        sha256.update(left, 0, HASH_SIZE);
        sha256.update(right, 0, HASH_SIZE);
        digestInto(into, 0);
    }

    private void hashLeaves(int count, LeafData leaves) {
        if (level.length < count * HASH_SIZE) {
            level = new byte[Math.max(count, level.length / HASH_SIZE * 2) * HASH_SIZE];
        }
        sha256.reset();
        for (int i = 0; i < count; i++) {
            sha256.update(LEAF_PREFIX);
            leaves.feed(i, sha256);
            digestInto(level, i * HASH_SIZE);
        }
    }

    /** Replaces the {@code size} hashes of a level, in place, with the level above. */
    private void reduce(int size) {
        int pairs = size / 2;
        for (int j = 0; j < pairs; j++) {
            // Node j reads slots 2j and 2j+1 and writes slot j <= 2j, which later nodes no longer read.
            sha256.update(NODE_PREFIX);
            sha256.update(level, 2 * j * HASH_SIZE, 2 * HASH_SIZE);
            digestInto(level, j * HASH_SIZE);
        }
        if ((size & 1) == 1) {
            System.arraycopy(level, (size - 1) * HASH_SIZE, level, pairs * HASH_SIZE, HASH_SIZE);
        }
    }

    private void digestInto(byte[] into, int offset) {
        try {
            sha256.digest(into, offset, HASH_SIZE);
        } catch (java.security.DigestException e) {
            throw new IllegalStateException("a 32-byte slot always holds a SHA-256 digest", e);
        }
    }
}
