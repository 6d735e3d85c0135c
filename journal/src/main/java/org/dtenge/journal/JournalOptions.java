package org.dtenge.journal;

/**
 * How a {@link FileJournal} lays out its files.
 *
 * @param segmentBytesMax a segment rolls over to a new file before a record would take it past this
 *                        size; a single record larger than this still goes into a segment of its own
 */
public record JournalOptions(long segmentBytesMax) {
    public static final long SEGMENT_BYTES_MAX_DEFAULT = 256L << 20;

    public JournalOptions {
        if (segmentBytesMax < SegmentHeader.SIZE + BatchHeader.SIZE) {
            throw new IllegalArgumentException("segment size must hold at least a segment header and a batch header: "
                    + segmentBytesMax);
        }
    }

    public static JournalOptions defaults() {
        return new JournalOptions(SEGMENT_BYTES_MAX_DEFAULT);
    }
}
