package org.dtenge.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The two fields the load reads from answers without parsing them whole. */
class AnswerFieldsTest {
    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsTheCommittedCountOfABatch() {
        byte[] body = bytes("{\"committed\":8190,\"alreadyCommitted\":0,\"refused\":0,\"rejected\":0,\"items\":[]}");
        assertThat(AnswerFields.number(body, "committed")).hasValue(8190);
        assertThat(AnswerFields.number(body, "refused")).hasValue(0);
    }

    @Test
    void aMissingOrNonNumericFieldIsEmpty() {
        assertThat(AnswerFields.number(bytes("{\"rejected\":1}"), "committed")).isEmpty();
        assertThat(AnswerFields.number(bytes("{\"committed\":\"x\"}"), "committed")).isEmpty();
        assertThat(AnswerFields.number(bytes("{\"committed\":"), "committed")).isEmpty();
    }

    @Test
    void readsALedgerTimestampToTheNanosecond() {
        byte[] body = bytes("{\"id\":\"ab\",\"committedAt\":\"2026-11-25T12:00:00.123456789Z\",\"batch\":7}");
        Instant expected = Instant.parse("2026-11-25T12:00:00.123456789Z");
        assertThat(AnswerFields.instantNanos(body, "committedAt"))
                .hasValue(expected.getEpochSecond() * 1_000_000_000L + expected.getNano());
    }

    @Test
    void aBadOrUnterminatedTimestampIsEmpty() {
        assertThat(AnswerFields.instantNanos(bytes("{\"committedAt\":\"yesterday\"}"), "committedAt")).isEmpty();
        assertThat(AnswerFields.instantNanos(bytes("{\"committedAt\":\"2026-11-25T12:00:00Z"), "committedAt")).isEmpty();
        assertThat(AnswerFields.instantNanos(bytes("{\"committedAt\":12}"), "committedAt")).isEmpty();
    }
}
