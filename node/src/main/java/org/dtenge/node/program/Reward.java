package org.dtenge.node.program;

import org.dtenge.node.money.TransferId;

/**
 * What a day's step count earned: {@code tiyn} paid now (0 when nothing was due), and why.
 *
 * @param outcome PAID; DUPLICATE (the day was paid before: ignored); MONTHLY_CAP (nothing left this
 *     month); NOTHING_DUE (too few steps)
 */
public record Reward(TransferId payment, long tiyn, Outcome outcome) {
    public enum Outcome { PAID, DUPLICATE, MONTHLY_CAP, NOTHING_DUE }
}
