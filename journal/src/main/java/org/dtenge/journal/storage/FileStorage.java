package org.dtenge.journal.storage;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@link Storage} over a directory on disk, with {@link FileChannel}. Logs ({@link #createLog}) are
 * appended to with direct I/O ({@link DirectLogFile}) where the file system allows it, and through the
 * page cache where it does not (tmpfs before Linux 6.6, some network file systems).
 */
public final class FileStorage implements Storage {
    private final Path directory;
    private final boolean directLogs;

    /** Uses {@code directory}, creating it (and its parents) when missing; logs with direct I/O where it works. */
    public FileStorage(Path directory) throws IOException {
        this(directory, true);
    }

    /** As above, with {@code directLogs} false to append to logs through the page cache always. */
    public FileStorage(Path directory, boolean directLogs) throws IOException {
        this.directory = Files.createDirectories(directory);
        this.directLogs = directLogs;
    }

    public Path directory() {
        return directory;
    }

    @Override
    public List<String> list() throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            files.forEach(file -> names.add(file.getFileName().toString()));
        }
        names.sort(null);
        return names;
    }

    @Override
    public StorageFile create(String name) throws IOException {
        return new Channel(name, FileChannel.open(path(name), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.READ, StandardOpenOption.WRITE));
    }

    @Override
    public StorageFile open(String name) throws IOException {
        return new Channel(name, FileChannel.open(path(name), StandardOpenOption.READ, StandardOpenOption.WRITE));
    }

    @Override
    public StorageFile createLog(String name) throws IOException {
        return log(create(name));
    }

    @Override
    public StorageFile openLog(String name) throws IOException {
        return log(open(name));
    }

    /** The same file with direct appends, when this storage uses them and the file system takes O_DIRECT. */
    private StorageFile log(StorageFile opened) throws IOException {
        if (!directLogs || DirectOption.DIRECT == null) {
            return opened;
        }
        Path path = path(opened.name());
        FileChannel direct;
        int block;
        try {
            block = Math.toIntExact(Files.getFileStore(path).getBlockSize());
            direct = FileChannel.open(path, StandardOpenOption.WRITE, DirectOption.DIRECT);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ArithmeticException e) {
            return opened; // no O_DIRECT here (older tmpfs refuses it): the page cache it is
        }
        if (block <= 0 || block > Padding.LENGTH_MAX - Padding.HEADER || Integer.bitCount(block) != 1) {
            direct.close();
            return opened;
        }
        return new DirectLogFile(opened, direct, block);
    }

    @Override
    public void rename(String from, String to) throws IOException {
        Files.move(path(from), path(to), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void delete(String name) throws IOException {
        Files.delete(path(name));
    }

    @Override
    public void syncDirectory() throws IOException {
        // On Linux a directory opened for reading can be fsynced; that is how new names become durable.
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    @Override
    public String describe(String name) {
        return directory.resolve(name).toString();
    }

    private Path path(String name) {
        if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("not a plain file name: '" + name + "'");
        }
        return directory.resolve(name);
    }

    private record Channel(String name, FileChannel channel) implements StorageFile {
        @Override
        public long size() throws IOException {
            return channel.size();
        }

        @Override
        public void read(long position, ByteBuffer destination) throws IOException {
            long at = position;
            while (destination.hasRemaining()) {
                int read = channel.read(destination, at);
                if (read < 0) {
                    throw new EOFException(name + " ends at " + at + ", before " + destination.remaining()
                            + " more bytes could be read");
                }
                at += read;
            }
        }

        @Override
        public void write(long position, ByteBuffer source) throws IOException {
            long at = position;
            while (source.hasRemaining()) {
                at += channel.write(source, at);
            }
        }

        @Override
        public void truncate(long size) throws IOException {
            channel.truncate(size);
        }

        @Override
        public void force() throws IOException {
            // fdatasync: flushes the data and the metadata needed to read it back (the length), which
            // is all that an appended record needs; timestamps need not be durable.
            channel.force(false);
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
