package org.dtenge.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Reading memory figures from /proc. */
class ProcessMemoryTest {
    @Test
    void parsesTheKilobyteFieldsOfProc() {
        assertThat(ProcessMemory.parseKilobytes("     123456 kB")).isEqualTo(123_456L * 1024);
        assertThatThrownBy(() -> ProcessMemory.parseKilobytes(" 12 MB")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thisProcessHasAResidentSetAndATreeSumsAtLeastItsRoot() {
        long pid = ProcessHandle.current().pid();
        assertThat(ProcessMemory.rss(pid)).isPresent();
        assertThat(ProcessMemory.rss(pid).getAsLong()).isGreaterThan(10L << 20);
        ProcessMemory.Use tree = ProcessMemory.tree(pid, "test");
        assertThat(tree.rssBytes().getAsLong()).isGreaterThanOrEqualTo(tree.pssBytes().getAsLong());
        assertThat(ProcessMemory.rss(Long.MAX_VALUE)).isEmpty();
    }
}
