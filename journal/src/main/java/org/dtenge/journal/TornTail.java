package org.dtenge.journal;

/**
 * An incomplete last record that opening the journal cut off: the unsynced end of a write that a crash
 * interrupted. None of its batch had been acknowledged, since acknowledgement waits for the sync.
 *
 * @param file        the segment, as {@link org.dtenge.journal.storage.Storage#describe} names it
 * @param offset      where the cut was made (the new end of the file)
 * @param bytesCut    how many bytes were removed
 * @param fileDeleted true when the segment held not even a whole segment header and was deleted
 */
public record TornTail(String file, long offset, long bytesCut, boolean fileDeleted) {}
