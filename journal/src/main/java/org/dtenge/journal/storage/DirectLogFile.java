package org.dtenge.journal.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * A log file of a {@link FileStorage} that is appended to with direct I/O (O_DIRECT): each append
 * writes the blocks it touches, from the start of the block its first byte falls in, straight from a
 * buffer of this file's to the disk, and ends the file with a {@link Padding} trailer up to the end of
 * the last block. The page cache takes no copy: on a virtual machine whose free memory goes back to the
 * host, that copy into fresh pages was most of the journal's CPU (docs/benchmarks.md, 2026-12-03).
 *
 * <p>The block that an append starts in already holds the end of the previous append (and its
 * trailer): it is written again with the same bytes there, as the page cache would write that page
 * again at the next fsync. Reads go through a second, buffered channel, and may come from other threads
 * while one thread appends (they touch nothing an append changes); the kernel drops its cached pages of
 * a range that a direct write covers.
 */
final class DirectLogFile implements StorageFile {
    /** The same file through the page cache: reads, truncation, fsync. */
    private final StorageFile buffered;
    private final FileChannel direct;
    private final int block;
    /** Holds the block the next append starts in, from offset 0, then what is appended after it. */
    private ByteBuffer buffer;
    /** Where the next append goes; -1 until the first append (or after a truncate) sets it. */
    private long end = -1;

    DirectLogFile(StorageFile buffered, FileChannel direct, int block) {
        this.buffered = buffered;
        this.direct = direct;
        this.block = block;
        this.buffer = aligned(4 * block);
    }

    private ByteBuffer aligned(int capacity) {
        return ByteBuffer.allocateDirect(capacity + block).alignedSlice(block);
    }

    @Override
    public String name() {
        return buffered.name();
    }

    /** Where the appends end once there has been one, else the file's length (its trailer included). */
    @Override
    public long size() throws IOException {
        return end >= 0 ? end : buffered.size();
    }

    @Override
    public void read(long position, ByteBuffer destination) throws IOException {
        buffered.read(position, destination);
    }

    /** Appends {@code source} at {@code position}, which must be where the appends end. */
    @Override
    public void write(long position, ByteBuffer source) throws IOException {
        if (end < 0) {
            start(position);
        } else if (position != end) {
            throw new IllegalStateException(name() + " is a log, only appended to: a write at " + position
                    + " where the appends end at " + end);
        }
        long first = position - position % block;
        int head = (int) (position - first);
        int length = source.remaining();
        int padding = Padding.lengthAfter(position + length, block);
        int total = head + length + padding;
        if (total > buffer.capacity()) {
            ByteBuffer larger = aligned(Math.max(total, 2 * buffer.capacity()));
            larger.put(0, buffer, 0, head);
            buffer = larger;
        }
        buffer.put(head, source, source.position(), length);
        Padding.write(buffer, head + length, padding);
        ByteBuffer out = buffer.slice(0, total);
        long at = first;
        while (out.hasRemaining()) {
            at += direct.write(out, at);
        }
        source.position(source.limit());
        end = position + length;
        // Keep the block the next append starts in at the front of the buffer.
        long next = end - end % block;
        int kept = (int) (end - next);
        if (kept > 0 && next != first) {
            buffer.put(0, buffer, (int) (next - first), kept);
        }
    }

    /** The first append after opening: reads back the part of its first block that is already written. */
    private void start(long position) throws IOException {
        if (position < 0 || position > buffered.size()) {
            throw new IllegalStateException(name() + " is a log: the first append must be within the file, not at "
                    + position + " of " + buffered.size());
        }
        long first = position - position % block;
        int head = (int) (position - first);
        read(first, buffer.clear().limit(head));
        buffer.clear();
        end = position;
    }

    @Override
    public void truncate(long size) throws IOException {
        buffered.truncate(size);
        end = -1;
    }

    @Override
    public void force() throws IOException {
        buffered.force(); // the same file: fdatasync covers the direct writes' new length too
    }

    @Override
    public void close() throws IOException {
        try {
            direct.close();
        } finally {
            buffered.close();
        }
    }
}
