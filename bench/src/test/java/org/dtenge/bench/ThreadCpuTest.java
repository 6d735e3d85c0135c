package org.dtenge.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which role a thread's CPU is counted under, and what a phase's CPU adds up to. */
class ThreadCpuTest {
    @Test
    void nodeThreadsByName() {
        assertThat(ThreadCpu.role("dtenge-sequencer")).startsWith("sequencer");
        assertThat(ThreadCpu.role("dtenge-verifier-1")).isEqualTo("batch signature verifiers");
        assertThat(ThreadCpu.role("dtenge-verifier-one-0")).startsWith("payment signature verifiers");
        assertThat(ThreadCpu.role("ForkJoinPool-1-worker-2")).isEqualTo(ThreadCpu.CARRIERS);
        assertThat(ThreadCpu.role("ForkJoinPool-1-delayScheduler")).isEqualTo(ThreadCpu.DELAYS);
        assertThat(ThreadCpu.role("MasterPoller")).isEqualTo(ThreadCpu.POLLER);
        assertThat(ThreadCpu.role("ForkJoinPool.commonPool-worker-3")).isEqualTo("other: ForkJoinPool.commonPool-worker-N");
    }

    @Test
    void loadGeneratorThreads() {
        assertThat(ThreadCpu.role("bench-client-17")).isEqualTo(ThreadCpu.CLIENT);
        assertThat(ThreadCpu.role("HttpClient-1-Worker-0")).isEqualTo(ThreadCpu.CLIENT);
        assertThat(ThreadCpu.role("main")).isEqualTo(ThreadCpu.CLIENT);
    }

    @Test
    void jvmThreadsAsProcShowsThem() {
        assertThat(ThreadCpu.vmKind("C2 CompilerThre")).isEqualTo(ThreadCpu.JIT);
        assertThat(ThreadCpu.vmKind("GC Thread#1")).isEqualTo(ThreadCpu.GC);
        assertThat(ThreadCpu.vmKind("G1 Conc#0")).isEqualTo(ThreadCpu.GC);
        assertThat(ThreadCpu.vmKind("VM Thread")).isEqualTo(ThreadCpu.VM_THREAD);
        assertThat(ThreadCpu.vmKind("dtenge-sequence")).isNull();
    }

    @Test
    void procStatTicksSurviveParenthesesInTheName() {
        String stat = "4242 (we (ird) name) S 1 2 3 4 5 6 7 8 9 10 250 31 0 0 20 0 1 0 100 0 0";
        assertThat(ThreadCpu.ticks(stat)).isEqualTo(281);
    }

    @Test
    void aPhaseAddsUpToTheProcessWithTheRestCountedAsJvm() {
        ThreadCpu.Snapshot before = new ThreadCpu.Snapshot(Map.of(1L, "dtenge-sequencer", 2L, "bench-client-0"),
                Map.of(1L, 100L, 2L, 50L), Map.of(ThreadCpu.GC, 10L), 1_000L, 0);
        ThreadCpu.Snapshot after = new ThreadCpu.Snapshot(Map.of(1L, "dtenge-sequencer", 3L, "ForkJoinPool-1-worker-1"),
                Map.of(1L, 400L, 3L, 200L), Map.of(ThreadCpu.GC, 60L), 2_000L, 0);
        Map<String, Long> roles = ThreadCpu.byRole(before, after, 120L);
        assertThat(roles.get("sequencer (form batch, ledger apply)")).isEqualTo(300);
        assertThat(roles.get(ThreadCpu.CARRIERS)).isEqualTo(200);
        assertThat(roles.get(ThreadCpu.GC)).isEqualTo(50);
        assertThat(roles.get(ThreadCpu.CLIENT)).isEqualTo(120);
        assertThat(roles.get(ThreadCpu.VM)).isEqualTo(1_000 - 300 - 200 - 50 - 120);
        assertThat(roles.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(1_000);
    }
}
