package org.dtenge.programs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConditionsTest {
    private final Conditions conditions = new Conditions();

    @Test
    void aWellTypedConditionCompilesOnceAndIsShared() {
        Conditions.Compiled first = conditions.compile("amount <= 150000 && credit_kind == 'MERCHANT'");
        Conditions.Compiled second = conditions.compile("amount <= 150000 && credit_kind == 'MERCHANT'");
        assertThat(first).isInstanceOf(Conditions.Accepted.class);
        assertThat(((Conditions.Accepted) second).condition()).isSameAs(((Conditions.Accepted) first).condition());
        assertThat(conditions.cached()).isEqualTo(1);
    }

    @Test
    void anUnknownVariableIsRefusedWithItsPosition() {
        Conditions.Refused refused = (Conditions.Refused) conditions.compile("amount > 0 &&\n  colour == 'red'");
        assertThat(refused.message()).contains("undeclared reference").contains("colour");
        assertThat(refused.line()).isEqualTo(2);
        assertThat(refused.column()).isEqualTo(3);
        assertThat(refused.describe()).startsWith("line 2, column 3: ");
        assertThat(conditions.cached()).isZero();
    }

    @Test
    void aConditionThatIsNotBooleanIsRefused() {
        Conditions.Refused refused = (Conditions.Refused) conditions.compile("amount + 1");
        assertThat(refused.message()).containsIgnoringCase("bool");
    }

    @Test
    void typeErrorsAndSyntaxErrorsAreRefused() {
        assertThat(conditions.compile("amount == 'ten'")).isInstanceOf(Conditions.Refused.class);
        assertThat(conditions.compile("amount >")).isInstanceOf(Conditions.Refused.class);
        assertThat(conditions.compile("   ")).isInstanceOf(Conditions.Refused.class);
        assertThat(conditions.compile("true || " + "x".repeat(Conditions.SOURCE_BYTES_MAX)))
                .isInstanceOf(Conditions.Refused.class);
    }

    @Test
    void weekdaysCountFromMonday() {
        assertThat(TransferFacts.weekday(0)).isEqualTo(4); // 1970-01-01 was a Thursday
        assertThat(TransferFacts.weekday(20_416)).isEqualTo(1); // 2025-11-24, a Monday
        assertThat(TransferFacts.weekday(-1)).isEqualTo(3);
    }
}
