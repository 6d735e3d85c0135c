package org.dtenge.node.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.dtenge.journal.LeafData;
import org.dtenge.journal.Merkle;
import org.junit.jupiter.api.Test;

/** The node's whole-tree audit paths are the journal's, for every size and leaf. */
class BatchTreeTest {
    @Test
    void rootsAndAuditPathsMatchTheJournalsMerkle() {
        long seed = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed);
        Merkle merkle = new Merkle();
        for (int count = 1; count <= 70; count++) {
            byte[][] data = new byte[count][];
            for (int i = 0; i < count; i++) {
                data[i] = new byte[1 + random.nextInt(40)];
                random.nextBytes(data[i]);
            }
            LeafData leaves = (i, digest) -> digest.update(data[i]);
            BatchTree tree = new BatchTree(count, leaves);
            assertThat(tree.root()).as("seed %d count %d", seed, count).isEqualTo(merkle.root(count, leaves));
            for (int i = 0; i < count; i++) {
                assertThat(tree.auditPath(i)).as("seed %d count %d leaf %d", seed, count, i)
                        .containsExactlyElementsOf(merkle.auditPath(count, leaves, i));
                assertThat(merkle.verify(merkle.leafHash(i, leaves), i, count, tree.auditPath(i), tree.root())).isTrue();
            }
        }
    }
}
