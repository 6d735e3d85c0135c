package org.dtenge.programs;

/**
 * A journaled schedule: payments the node submits by itself when their time comes.
 *
 * <ul>
 *   <li>{@link Action#PAY}: {@code count} payments of {@code amount} from one account to another,
 *       the first at {@code firstSeconds}, then every {@code intervalSeconds} (a monthly benefit
 *       through Kazpost, a standing order).
 *   <li>{@link Action#ALLOWANCE}: {@code count} times, every account carrying program {@code program}
 *       is paid {@code amount} from the owner's account (each enrolled child's daily allowance).
 *   <li>{@link Action#SWEEP}: once, at {@code firstSeconds}, every account carrying program
 *       {@code program} pays its whole balance to the program's return account (the unspent
 *       allowance going home to the city at the period's end).
 * </ul>
 *
 * Each occurrence's transfer ids are derived from the schedule id and the occurrence, so a repeat
 * (after a crash, or a second node) is answered EXISTS and nothing is paid twice; the node journals
 * a done record per occurrence, and the schedule's position ({@code nextOccurrence}) is rebuilt from
 * the journal like everything else.
 *
 * @param owner participant code of who scheduled it
 */
public record Schedule(long id, Action action, long owner, int program, long fromHi, long fromLo, long toHi, long toLo,
                       long amount, long firstSeconds, int intervalSeconds, int count, int nextOccurrence) {
    public enum Action {
        PAY(1),
        SWEEP(2),
        /** Every account carrying the program is paid {@code amount} from {@code from}: a daily allowance. */
        ALLOWANCE(3);

        public final int code;

        Action(int code) {
            this.code = code;
        }

        static java.util.Optional<Action> of(int code) {
            for (Action action : values()) {
                if (action.code == code) {
                    return java.util.Optional.of(action);
                }
            }
            return java.util.Optional.empty();
        }
    }

    /** When occurrence {@code k} is due, in seconds since the epoch. */
    public long dueSeconds(int k) {
        return firstSeconds + (long) k * intervalSeconds;
    }

    public boolean finished() {
        return nextOccurrence >= count;
    }

    /** The transfer id of occurrence {@code k}, for account {@code slot} of a sweep (0 for a payment). */
    public long transferIdHi(int k) {
        return 0x5C4E_0000_0000_0000L | (id & 0xFFFF_FFFFL) << 16 | (k & 0xFFFF);
    }

    public long transferIdLo(long accountHi, long accountLo) {
        return Long.rotateLeft(accountLo, 16) ^ accountHi ^ 0x9E37_79B9_7F4A_7C15L;
    }

    Schedule next() {
        return new Schedule(id, action, owner, program, fromHi, fromLo, toHi, toLo, amount, firstSeconds, intervalSeconds,
                count, nextOccurrence + 1);
    }
}
