package org.dtenge.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MerkleTest {
    private static final HexFormat HEX = HexFormat.of();
    private final Merkle merkle = new Merkle();

    /** The RFC 6962 reference tree of transparency-dev/merkle, from the shared test vectors. */
    private record ReferenceTree(List<byte[]> leaves, Map<Integer, byte[]> roots) {}

    static Path sharedDirectory() {
        String configured = System.getProperty("shared.dir");
        return configured != null ? Path.of(configured) : Path.of("../../testdata");
    }

    private static ReferenceTree referenceTree() throws IOException {
        String json = Files.readString(sharedDirectory().resolve("vectors/crypto/rfc6962_reference_tree.json"));
        Matcher inputs = Pattern.compile("\"leaf_inputs_hex\"\\s*:\\s*\\[([^\\]]*)\\]").matcher(json);
        assertThat(inputs.find()).as("leaf_inputs_hex in the vector file").isTrue();
        List<byte[]> leaves = new ArrayList<>();
        Matcher hex = Pattern.compile("\"([0-9a-f]*)\"").matcher(inputs.group(1));
        while (hex.find()) {
            leaves.add(HEX.parseHex(hex.group(1)));
        }
        Matcher rootBlock = Pattern.compile("\"root_by_tree_size\"\\s*:\\s*\\{([^}]*)\\}").matcher(json);
        assertThat(rootBlock.find()).as("root_by_tree_size in the vector file").isTrue();
        Map<Integer, byte[]> roots = new TreeMap<>();
        Matcher entry = Pattern.compile("\"(\\d+)\"\\s*:\\s*\"([0-9a-f]{64})\"").matcher(rootBlock.group(1));
        while (entry.find()) {
            roots.put(Integer.parseInt(entry.group(1)), HEX.parseHex(entry.group(2)));
        }
        return new ReferenceTree(leaves, roots);
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }

    private static LeafData of(List<byte[]> leaves) {
        return (index, digest) -> digest.update(leaves.get(index));
    }

    @Test
    void rootsOfTheReferenceTreeForEverySize() throws IOException {
        ReferenceTree tree = referenceTree();
        assertThat(tree.leaves()).hasSize(8);
        assertThat(tree.roots()).hasSize(9);
        for (Map.Entry<Integer, byte[]> root : tree.roots().entrySet()) {
            assertThat(HEX.formatHex(merkle.root(root.getKey(), of(tree.leaves()))))
                    .as("root of size %d", root.getKey()).isEqualTo(HEX.formatHex(root.getValue()));
        }
    }

    @Test
    void everyInclusionProofOfTheReferenceTreeVerifiesAndTamperedOnesFail() throws IOException {
        ReferenceTree tree = referenceTree();
        LeafData leaves = of(tree.leaves());
        for (int size = 1; size <= 8; size++) {
            byte[] root = tree.roots().get(size);
            for (int index = 0; index < size; index++) {
                byte[] leaf = merkle.leafHash(index, leaves);
                List<byte[]> path = merkle.auditPath(size, leaves, index);
                String what = "leaf " + index + " of " + size;
                assertThat(merkle.verify(leaf, index, size, path, root)).as(what).isTrue();
                assertThat(hex(path)).as(what).isEqualTo(hex(naivePath(tree.leaves().subList(0, size), index)));
                assertTamperedFails(leaf, index, size, path, root, what);
            }
        }
    }

    private void assertTamperedFails(byte[] leaf, int index, int size, List<byte[]> path, byte[] root, String what) {
        byte[] otherLeaf = leaf.clone();
        otherLeaf[0] ^= 1;
        assertThat(merkle.verify(otherLeaf, index, size, path, root)).as(what + " other leaf").isFalse();
        byte[] otherRoot = root.clone();
        otherRoot[31] ^= (byte) 0x80;
        assertThat(merkle.verify(leaf, index, size, path, otherRoot)).as(what + " other root").isFalse();
        for (int i = 0; i < path.size(); i++) {
            List<byte[]> tampered = new ArrayList<>(path);
            byte[] sibling = path.get(i).clone();
            sibling[i % 32] ^= 4;
            tampered.set(i, sibling);
            assertThat(merkle.verify(leaf, index, size, tampered, root)).as(what + " sibling " + i).isFalse();
        }
        if (!path.isEmpty()) {
            assertThat(merkle.verify(leaf, index, size, path.subList(0, path.size() - 1), root))
                    .as(what + " short path").isFalse();
        }
        List<byte[]> longer = new ArrayList<>(path);
        longer.add(new byte[32]);
        assertThat(merkle.verify(leaf, index, size, longer, root)).as(what + " long path").isFalse();
        assertThat(merkle.verify(leaf, size, size, path, root)).as(what + " index out of range").isFalse();
        if (size > 1) {
            int otherIndex = (index + 1) % size;
            assertThat(merkle.verify(leaf, otherIndex, size, path, root)).as(what + " other index").isFalse();
        }
    }

    /** Known answers from transparency-dev/merkle's inclusion proof tests (0-based leaf indexes here). */
    @Test
    void publishedInclusionProofs() throws IOException {
        ReferenceTree tree = referenceTree();
        LeafData leaves = of(tree.leaves());
        assertPath(leaves, 0, 8, "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertPath(leaves, 5, 8, "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertPath(leaves, 2, 3, "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125");
        assertPath(leaves, 1, 5, "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
        assertPath(leaves, 0, 1);
    }

    private void assertPath(LeafData leaves, int index, int size, String... expected) {
        assertThat(hex(merkle.auditPath(size, leaves, index)))
                .as("path of leaf %d of %d", index, size).containsExactly(expected);
    }

    @Test
    void iterativeRootAndPathsEqualTheRecursiveDefinition() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        for (int round = 0; round < 60; round++) {
            int size = round < 40 ? round : 1 + random.nextInt(3000);
            List<byte[]> leaves = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                byte[] leaf = new byte[random.nextInt(140)];
                random.nextBytes(leaf);
                leaves.add(leaf);
            }
            String what = "seed " + seed + ", size " + size;
            byte[] root = merkle.root(size, of(leaves));
            assertThat(root).as(what).isEqualTo(naiveRoot(leaves));
            if (size > 0) {
                int index = random.nextInt(size);
                List<byte[]> path = merkle.auditPath(size, of(leaves), index);
                assertThat(hex(path)).as(what + ", leaf " + index).isEqualTo(hex(naivePath(leaves, index)));
                assertThat(merkle.verify(merkle.leafHash(index, of(leaves)), index, size, path, root)).as(what).isTrue();
            }
        }
    }

    @Test
    void aBatchOfLeavesHashesInTimeWithoutGrowingScratch() {
        int count = 8190;
        byte[] body = new byte[count * 132];
        new Random(7).nextBytes(body);
        LeafData leaves = (index, digest) -> digest.update(body, index * 132, 132);
        byte[] root = new byte[32];
        for (int warm = 0; warm < 20; warm++) {
            merkle.root(count, leaves, root, 0);
        }
        long start = System.nanoTime();
        int rounds = 20;
        for (int i = 0; i < rounds; i++) {
            merkle.root(count, leaves, root, 0);
        }
        long perBatchMicros = (System.nanoTime() - start) / rounds / 1_000;
        // A generous bound that catches only gross regressions (such as a digest per leaf); the figure is printed.
        System.out.println("Merkle root of 8190 leaves of 132 bytes: " + perBatchMicros + " us");
        assertThat(perBatchMicros).isLessThan(200_000);
    }

    // RFC 6962 section 2.1 and 2.1.1, written as the recursion so that the fast code has a referee.

    private static byte[] naiveRoot(List<byte[]> leaves) {
        int n = leaves.size();
        if (n == 0) {
            return sha256(new byte[0]);
        }
        if (n == 1) {
            return sha256(concat(new byte[] {0}, leaves.getFirst()));
        }
        int k = Integer.highestOneBit(n - 1);
        return sha256(concat(new byte[] {1}, naiveRoot(leaves.subList(0, k)), naiveRoot(leaves.subList(k, n))));
    }

    private static List<byte[]> naivePath(List<byte[]> leaves, int m) {
        int n = leaves.size();
        List<byte[]> path = new ArrayList<>();
        if (n <= 1) {
            return path;
        }
        int k = Integer.highestOneBit(n - 1);
        if (m < k) {
            path.addAll(naivePath(leaves.subList(0, k), m));
            path.add(naiveRoot(leaves.subList(k, n)));
        } else {
            path.addAll(naivePath(leaves.subList(k, n), m - k));
            path.add(naiveRoot(leaves.subList(0, k)));
        }
        return path;
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    private static byte[] sha256(byte[] data) {
        MessageDigest digest = Merkle.sha256();
        return digest.digest(data);
    }
}
