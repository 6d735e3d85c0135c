package org.dtenge.journal;

import java.io.IOException;
import org.dtenge.journal.storage.StorageFile;

/** An open segment file: its first sequence and where its last whole record ends. */
final class Segment {
    final StorageFile file;
    final String where;
    final long firstSequence;
    /** The end of the last whole record: the next record is written here. */
    long end;

    Segment(StorageFile file, String where, long firstSequence, long end) {
        this.file = file;
        this.where = where;
        this.firstSequence = firstSequence;
        this.end = end;
    }

    JournalCorruptException corrupt(long offset, String problem) {
        return new JournalCorruptException(where, offset, problem);
    }

    void close() throws IOException {
        file.close();
    }
}
