package org.dtenge.node.projection;

/**
 * The next journal event a projection will apply: event {@code index} of batch {@code sequence}.
 * Everything before it is applied. Compared as (sequence, index).
 */
public record Position(long sequence, int index) implements Comparable<Position> {
    public static final Position START = new Position(1, 0);

    @Override
    public int compareTo(Position other) {
        int bySequence = Long.compare(sequence, other.sequence);
        return bySequence != 0 ? bySequence : Integer.compare(index, other.index);
    }

    /** The position after event {@code index} of a batch of {@code eventCount} events. */
    public static Position after(long sequence, int index, int eventCount) {
        return index + 1 >= eventCount ? new Position(sequence + 1, 0) : new Position(sequence, index + 1);
    }
}
