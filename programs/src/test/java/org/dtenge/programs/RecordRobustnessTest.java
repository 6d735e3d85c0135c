package org.dtenge.programs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;
import org.dtenge.ledger.Event;
import org.junit.jupiter.api.Test;

/**
 * Seeded random bytes where the contracts read bytes: RECORD payloads (any participant's records pass
 * through {@code onRecord}) and image state (a damaged snapshot). Nothing throws; garbage changes
 * nothing that a later capture would show, or is refused.
 */
class RecordRobustnessTest {
    private static final int[] KINDS = {ContractRecords.KIND_TEXT, ContractRecords.KIND_STATUS, ContractRecords.KIND_SCHEDULE,
            ContractRecords.KIND_SCHEDULE_DONE, 1, 2, 0};

    @Test
    void randomPayloadsNeverThrowAndTheStateStillRoundTrips() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Contracts contracts = new Contracts(new Conditions(), AccountNames.hex());
        ByteBuffer batch = ByteBuffer.allocate(Event.SIZE).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 50_000; i++) {
            byte[] payload = new byte[Event.RECORD_PAYLOAD_SIZE];
            random.nextBytes(payload);
            payload[0] = (byte) KINDS[random.nextInt(KINDS.length)];
            if (random.nextInt(4) != 0) {
                payload[1] = (byte) ContractRecords.VERSION;
            }
            if (random.nextBoolean()) {
                payload[3] = (byte) (1 + random.nextInt(3)); // chunk counts that can complete
                payload[2] = (byte) random.nextInt(payload[3]);
            }
            batch.position(0);
            batch.put(Event.RECORD_PAYLOAD, payload);
            try {
                contracts.onRecord(batch, Event.RECORD_PAYLOAD, 0);
            } catch (RuntimeException e) {
                throw new AssertionError("seed " + seed + ", payload " + i + " threw", e);
            }
        }
        byte[] state = contracts.capture();
        Contracts copy = new Contracts(new Conditions(), AccountNames.hex());
        assertThat(copy.restore(state)).as("seed %d", seed).isTrue();
        assertThat(copy.capture()).as("seed %d", seed).isEqualTo(state);
        assertThat(copy.schedules()).isEqualTo(contracts.schedules());
    }

    @Test
    void randomOrDamagedImageStateIsRefusedWithoutThrowing() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Book book = new Book();
        book.deploy(3, ContractTemplate.GATE, "Meals", "amount < 100", 1, GatePolicy.DEBITS);
        book.batch.record(ContractRecords.schedule(new Schedule(9, Schedule.Action.PAY, 1, 0, 0, 1, 0, 2, 5, 100, 60, 3, 0)));
        book.status(3, ContractStatus.PAUSED);
        book.commit();
        byte[] good = book.contracts.capture();
        for (int i = 0; i < 20_000; i++) {
            byte[] bad = good.clone();
            int flips = 1 + random.nextInt(4);
            for (int f = 0; f < flips; f++) {
                bad[random.nextInt(bad.length)] ^= (byte) (1 << random.nextInt(8));
            }
            if (random.nextInt(5) == 0) {
                bad = java.util.Arrays.copyOf(bad, random.nextInt(bad.length));
            }
            Contracts target = new Contracts(new Conditions(), AccountNames.hex());
            try {
                target.restore(bad); // true or false; never an exception
            } catch (RuntimeException e) {
                throw new AssertionError("seed " + seed + ", damaged state " + i + " threw", e);
            }
        }
    }
}
