package org.dtenge.journal.storage;

import java.io.IOException;
import java.util.List;

/**
 * The file operations the journal and the snapshots need, over one flat directory. The journal does all
 * its I/O through this interface, so that a deterministic simulator can stand in for the disk and inject
 * the faults a real one has: torn writes, unsynced writes lost in a crash, flipped bits.
 *
 * <p>Names are plain file names (no separators). What is durable after a crash: the contents of a file
 * up to its last {@link StorageFile#force()}, and the directory entries (created, renamed, deleted) up to
 * the last {@link #syncDirectory()}.
 */
public interface Storage {
    /** The names of all files in the directory, sorted. */
    List<String> list() throws IOException;

    /** Creates a new, empty file for reading and writing; fails when the name exists. */
    StorageFile create(String name) throws IOException;

    /** Opens an existing file for reading and writing. */
    StorageFile open(String name) throws IOException;

    /**
     * Creates a log: a new file that is only ever appended to, from its start, each append at the end
     * of the one before. An implementation may write a log in whole blocks and end it with a
     * {@link Padding} trailer; readers of a log accept one after its last record. By default, a plain
     * {@link #create}.
     */
    default StorageFile createLog(String name) throws IOException {
        return create(name);
    }

    /**
     * Opens an existing log (see {@link #createLog}); the first append after opening may be at any
     * position within the file (after a torn tail is cut, say), the rest follow it.
     */
    default StorageFile openLog(String name) throws IOException {
        return open(name);
    }

    /** Renames {@code from} to {@code to} atomically, replacing {@code to} if it exists. */
    void rename(String from, String to) throws IOException;

    /** Deletes a file; fails when it does not exist. */
    void delete(String name) throws IOException;

    /** Makes the directory's entries (creations, renames, deletions) durable. */
    void syncDirectory() throws IOException;

    /** Where a file lives, for messages an operator reads (for example the full path). */
    String describe(String name);
}
