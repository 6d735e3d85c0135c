package org.dtenge.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The command line of dtenge bench: defaults, target names, and refusals that name what is wrong. */
class CompareOptionsTest {
    @Test
    void defaultsRunEveryTargetOnTheDocumentedWorkload() {
        CompareOptions options = CompareOptions.parse(new String[0]);
        assertThat(options.targets()).containsExactly(LedgerTarget.NAME, HttpTargets.BATCH, HttpTargets.PAYMENTS,
                HttpTargets.RESERVE_BATCH, HttpTargets.RESERVE_BINARY, PostgresTarget.NAME);
        assertThat(options.accounts()).isEqualTo(10_000);
        assertThat(options.transfers()).isEqualTo(1_000_000);
        assertThat(options.fundingTiyn()).isEqualTo(50_000_00);
        assertThat(options.mix()).isEqualTo(new TransferMix(1.0, 5, 0, 1, 42));
        assertThat(options.sweep()).containsExactly(1, 2, 4, 8, 16, 32, 64);
    }

    @Test
    void targetsRunInTheirOwnOrderWhateverOrderTheyAreGiven() {
        CompareOptions options = CompareOptions.parse(new String[] {"--targets", "postgres,ledger", "--funding", "12.50",
            "--zipf=0.5", "--sweep", "3, 6"});
        assertThat(options.targets()).isEqualTo(List.of(LedgerTarget.NAME, PostgresTarget.NAME));
        assertThat(options.fundingTiyn()).isEqualTo(1_250);
        assertThat(options.mix().zipfExponent()).isEqualTo(0.5);
        assertThat(options.sweep()).containsExactly(3, 6);
    }

    @Test
    void mistakesAreRefusedWithWhatIsWrong() {
        assertThatThrownBy(() -> CompareOptions.parse(new String[] {"--targets", "oracle"}))
                .hasMessageContaining("not \"oracle\"");
        assertThatThrownBy(() -> CompareOptions.parse(new String[] {"--acounts", "5"}))
                .hasMessageContaining("unknown option --acounts");
        assertThatThrownBy(() -> CompareOptions.parse(new String[] {"--accounts", "ten"}))
                .hasMessageContaining("--accounts needs a whole number");
        assertThatThrownBy(() -> CompareOptions.parse(new String[] {"--funding", "1.234"}))
                .hasMessageContaining("--funding");
        assertThatThrownBy(() -> CompareOptions.parse(new String[] {"--sweep", "0,4"}))
                .hasMessageContaining("client counts from 1 to 190");
        // Requests are signed before the clock; the node refuses signatures older than 60 s.
        assertThatThrownBy(() -> CompareOptions.parse(new String[] {"--duration", "45"}))
                .hasMessageContaining("at most 40 s");
        assertThat(CompareOptions.parse(new String[] {"--duration", "45", "--targets", "ledger,postgres"})
                .durationSeconds()).isEqualTo(45);
    }
}
