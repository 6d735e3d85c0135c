package org.dtenge.journal.snapshot;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.security.MessageDigest;
import org.dtenge.journal.storage.StorageFile;

/**
 * Byte channels over a range of a {@link StorageFile}, so that the ledger's image streams to and from
 * storage without being held in memory whole. Neither closes the file.
 */
final class FileChannels {
    private FileChannels() {}

    /** Writes sequentially from {@code position}, feeding every byte to {@code digest} and counting them. */
    static final class Writer implements WritableByteChannel {
        private final StorageFile file;
        private final MessageDigest digest;
        private long position;
        private long written;

        Writer(StorageFile file, long position, MessageDigest digest) {
            this.file = file;
            this.position = position;
            this.digest = digest;
        }

        long written() {
            return written;
        }

        @Override
        public int write(ByteBuffer source) throws IOException {
            int length = source.remaining();
            digest.update(source.duplicate());
            file.write(position, source);
            position += length;
            written += length;
            return length;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {}
    }

    /** Reads bytes {@code [from, to)} of a file, then reports the end of the stream. */
    static final class Reader implements ReadableByteChannel {
        private final StorageFile file;
        private final long to;
        private long position;

        Reader(StorageFile file, long from, long to) {
            this.file = file;
            this.position = from;
            this.to = to;
        }

        @Override
        public int read(ByteBuffer destination) throws IOException {
            if (position >= to) {
                return -1;
            }
            int length = (int) Math.min(destination.remaining(), to - position);
            file.read(position, destination.slice(destination.position(), length));
            destination.position(destination.position() + length);
            position += length;
            return length;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {}
    }
}
