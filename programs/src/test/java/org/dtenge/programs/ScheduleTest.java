package org.dtenge.programs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.dtenge.ledger.Ledger;
import org.junit.jupiter.api.Test;

/** Schedules are journaled, move on one occurrence at a time, and travel in the image. */
class ScheduleTest {
    private static Schedule monthly(long id) {
        return new Schedule(id, Schedule.Action.PAY, 563, 0, 0, 10, 0, 20, 4_500_000, 1_800_000_000L, 30 * 86_400, 3, 0);
    }

    @Test
    void occurrencesComeDueInOrderAndEachIsDoneOnce() throws IOException {
        Book book = new Book();
        book.batch.record(ContractRecords.schedule(monthly(77)));
        book.commit();
        Schedule s = book.contracts.schedules().get(0);
        assertThat(s).isEqualTo(monthly(77));
        assertThat(book.contracts.due(1_799_999_999L)).isEmpty();
        assertThat(book.contracts.due(1_800_000_000L)).containsExactly(s);
        book.batch.record(ContractRecords.scheduleDone(77, 0));
        book.batch.record(ContractRecords.scheduleDone(77, 0)); // a repeat changes nothing
        book.commit();
        assertThat(book.contracts.due(1_800_000_000L)).isEmpty();
        assertThat(book.contracts.due(1_800_000_000L + 30 * 86_400)).hasSize(1);
        assertThat(book.contracts.schedules().get(0).nextOccurrence()).isEqualTo(1);

        Contracts fresh = new Contracts(new Conditions(), AccountNames.hex());
        Ledger restored = Book.roundTrip(book.ledger, fresh);
        assertThat(fresh.schedules()).isEqualTo(book.contracts.schedules());
        assertThat(restored.stateDigest()).isEqualTo(book.ledger.stateDigest());

        book.batch.record(ContractRecords.scheduleDone(77, 1));
        book.batch.record(ContractRecords.scheduleDone(77, 2));
        book.batch.record(ContractRecords.scheduleDone(77, 3)); // beyond the count
        book.commit();
        assertThat(book.contracts.schedules().get(0).finished()).isTrue();
        assertThat(book.contracts.due(Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void aScheduleWithATakenIdOrNoOccurrencesIsIgnored() {
        Book book = new Book();
        book.batch.record(ContractRecords.schedule(monthly(5)));
        book.batch.record(ContractRecords.schedule(new Schedule(5, Schedule.Action.SWEEP, 1, 7, 0, 0, 0, 0, 0, 1, 0, 1, 0)));
        book.batch.record(ContractRecords.schedule(new Schedule(6, Schedule.Action.PAY, 1, 0, 0, 1, 0, 2, 5, 1, 0, 0, 0)));
        book.batch.record(ContractRecords.schedule(new Schedule(7, Schedule.Action.PAY, 1, 0, 0, 1, 0, 2, 5, 1, 0, 2, 0)));
        book.commit();
        assertThat(book.contracts.schedules()).containsExactly(monthly(5));
    }

    @Test
    void derivedTransferIdsDifferByOccurrenceAndAccount() {
        Schedule s = monthly(77);
        assertThat(s.transferIdHi(0)).isNotEqualTo(s.transferIdHi(1));
        assertThat(s.transferIdLo(0, 20)).isNotEqualTo(s.transferIdLo(0, 21));
        assertThat(monthly(78).transferIdHi(0)).isNotEqualTo(s.transferIdHi(0));
    }
}
