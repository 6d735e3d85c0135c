package org.dtenge.node.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.dtenge.node.money.TransferId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignatureLogTest {
    @TempDir
    Path dir;

    private record Signed(long at, TransferId id, long expires, byte[] signature) {}

    private static List<Signed> rising(Random random, int count) {
        List<Signed> out = new ArrayList<>();
        long at = 1_700_000_000_000_000_000L;
        for (int i = 0; i < count; i++) {
            at += random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(1_000); // some share a time, as an event and its legs do
            byte[] signature = new byte[64];
            random.nextBytes(signature);
            out.add(new Signed(at, new TransferId(random.nextLong(), random.nextLong()), random.nextLong(), signature));
        }
        return out;
    }

    @Test
    void findsEverySignatureOnceWrittenAndNoneThatWasNot() throws Exception {
        for (long seed = 1; seed <= 5; seed++) {
            Random random = new Random(seed);
            List<Signed> all = rising(random, 5_000);
            try (SignatureLog log = SignatureLog.open(dir.resolve("s" + seed + ".bin"))) {
                int published = 0;
                for (int i = 0; i < all.size(); i++) {
                    Signed s = all.get(i);
                    log.append(s.at(), s.id(), s.expires(), s.signature());
                    if (random.nextInt(50) == 0) {
                        log.publish();
                        published = i + 1;
                    }
                }
                for (int i = 0; i < all.size(); i += 7) {
                    Signed s = all.get(i);
                    var found = log.find(s.id(), s.at());
                    if (i < published) {
                        assertThat(found).hasValueSatisfying(f -> {
                            assertThat(f.signature()).isEqualTo(s.signature());
                            assertThat(f.expiresAtMillis()).isEqualTo(s.expires());
                        });
                    } else {
                        assertThat(found).isEmpty(); // appended, not yet written: not for readers yet
                    }
                }
                log.publish();
                for (Signed s : all) {
                    assertThat(log.find(s.id(), s.at())).isPresent();
                }
                Signed first = all.getFirst();
                Signed last = all.getLast();
                assertThat(log.find(new TransferId(1, 2), first.at())).isEmpty();
                assertThat(log.find(first.id(), first.at() - 1)).isEmpty();
                assertThat(log.find(last.id(), last.at() + 1)).isEmpty();
            }
        }
    }

    @Test
    void aRollbackAndAReopenKeepOnlyWhatACommitCovered() throws Exception {
        List<Signed> all = rising(new Random(7), 300);
        Path file = dir.resolve("signatures.bin");
        try (SignatureLog log = SignatureLog.open(file)) {
            for (Signed s : all.subList(0, 100)) {
                log.append(s.at(), s.id(), s.expires(), s.signature());
            }
            log.force();
            log.committed();
            for (Signed s : all.subList(100, 200)) {
                log.append(s.at(), s.id(), s.expires(), s.signature());
            }
            log.publish();
            assertThat(log.find(all.get(150).id(), all.get(150).at())).isPresent();
            log.rollback();
            assertThat(log.records()).isEqualTo(100);
            assertThat(log.find(all.get(150).id(), all.get(150).at())).isEmpty();
            assertThat(log.find(all.get(99).id(), all.get(99).at())).isPresent();
            for (Signed s : all.subList(100, 300)) { // applied again after the rollback, as a restart would
                log.append(s.at(), s.id(), s.expires(), s.signature());
            }
            log.force();
        }
        Files.write(file, new byte[] {1, 2, 3}, StandardOpenOption.APPEND); // a record cut short by a crash
        try (SignatureLog log = SignatureLog.open(file)) {
            assertThat(log.records()).isEqualTo(300);
            log.truncate(250); // the database's last commit counted 250
            assertThat(Files.size(file)).isEqualTo(250L * SignatureLog.RECORD);
            assertThat(log.find(all.get(249).id(), all.get(249).at())).isPresent();
            assertThat(log.find(all.get(250).id(), all.get(250).at())).isEmpty();
            Signed earlier = all.get(10);
            assertThatThrownBy(() -> log.append(earlier.at(), earlier.id(), 0, earlier.signature()))
                    .hasMessageContaining("invariant broken");
            assertThatThrownBy(() -> log.truncate(251)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
