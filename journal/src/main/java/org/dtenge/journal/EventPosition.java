package org.dtenge.journal;

/** Where an event is in the journal: its batch and its index within the batch (from 0). */
public record EventPosition(long sequence, int index) {
    public EventPosition {
        if (sequence < 1 || index < 0) {
            throw new IllegalArgumentException("no event at batch " + sequence + " index " + index);
        }
    }
}
