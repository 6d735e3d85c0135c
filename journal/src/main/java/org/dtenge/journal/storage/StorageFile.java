package org.dtenge.journal.storage;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * An open file of a {@link Storage}. Positions are byte offsets from the start of the file. One thread
 * writes, truncates and forces a handle; {@link #read reads} of bytes already written may come from
 * other threads at the same time (the journal's {@code read} does).
 */
public interface StorageFile extends AutoCloseable {
    /** The file's name within its storage. */
    String name();

    /** The current length in bytes, written but unsynced bytes included. */
    long size() throws IOException;

    /**
     * Reads exactly {@code destination.remaining()} bytes starting at {@code position}.
     *
     * @throws java.io.EOFException when the file ends first
     */
    void read(long position, ByteBuffer destination) throws IOException;

    /** Writes all of {@code source.remaining()} bytes at {@code position}; not durable until {@link #force()}. */
    void write(long position, ByteBuffer source) throws IOException;

    /** Writes at the end of the file. */
    default void append(ByteBuffer source) throws IOException {
        write(size(), source);
    }

    /** Cuts the file to {@code size} bytes; not durable until {@link #force()}. */
    void truncate(long size) throws IOException;

    /** Makes the contents and length durable (fsync). */
    void force() throws IOException;

    @Override
    void close() throws IOException;
}
