package org.dtenge.testing;

import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.FileAlreadyExistsException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.dtenge.journal.storage.Storage;
import org.dtenge.journal.storage.StorageFile;

/**
 * A disk in memory that fails the way real ones do, driven by a seed so that every failure replays.
 *
 * <p>What survives a {@link #crash}: a file's contents as of its last {@code force()}, plus an in-order
 * prefix of the writes and truncations made since, the last of which may be torn (a prefix of its bytes
 * only), which is what an ordered-mode file system gives for files that are appended to; and the
 * directory as of the last {@link #syncDirectory()}, plus an in-order prefix of the renames, creations
 * and deletions since. Faults besides crashes: {@code force()} failing ({@link #failNextForce}), and a
 * bit flipped in durable data at rest ({@link #flipBit}).
 */
public final class SimulatedStorage implements Storage {
    private final SplittableRandom random;
    /** The names the process sees, and the inodes they point at. */
    private final Map<String, Inode> names = new TreeMap<>();
    /** The names as they would be after a crash: as of the last directory sync. */
    private Map<String, Inode> durableNames = new TreeMap<>();
    /** Directory changes since the last sync, in order, each a full copy of the namespace after it. */
    private final List<Map<String, Inode>> directoryHistory = new ArrayList<>();
    private boolean failNextForce;
    private boolean lyingForce;
    private long forces;

    public SimulatedStorage(long seed) {
        random = new SplittableRandom(seed);
    }

    /** A file's data: durable bytes and the operations since the last force. */
    static final class Inode {
        byte[] durable = new byte[0];
        byte[] current = new byte[0];
        final List<long[]> pendingOps = new ArrayList<>(); // {kind, position, length} kind 0 write, 1 truncate
        final List<byte[]> pendingData = new ArrayList<>();
    }

    @Override
    public synchronized List<String> list() {
        return new ArrayList<>(names.keySet());
    }

    @Override
    public synchronized StorageFile create(String name) throws IOException {
        if (names.containsKey(name)) {
            throw new FileAlreadyExistsException(name);
        }
        Inode inode = new Inode();
        names.put(name, inode);
        directoryChanged();
        return new SimFile(name, inode);
    }

    @Override
    public synchronized StorageFile open(String name) throws IOException {
        Inode inode = names.get(name);
        if (inode == null) {
            throw new FileNotFoundException(name);
        }
        return new SimFile(name, inode);
    }

    @Override
    public synchronized void rename(String from, String to) throws IOException {
        Inode inode = names.remove(from);
        if (inode == null) {
            throw new FileNotFoundException(from);
        }
        names.put(to, inode);
        directoryChanged();
    }

    @Override
    public synchronized void delete(String name) throws IOException {
        if (names.remove(name) == null) {
            throw new FileNotFoundException(name);
        }
        directoryChanged();
    }

    @Override
    public synchronized void syncDirectory() {
        durableNames = new TreeMap<>(names);
        directoryHistory.clear();
    }

    @Override
    public String describe(String name) {
        return "sim:" + name;
    }

    private void directoryChanged() {
        directoryHistory.add(new TreeMap<>(names));
    }

    /** Makes the next {@code force()} fail with an I/O error, as a dying disk would. */
    public synchronized void failNextForce() {
        failNextForce = true;
    }

    /**
     * Makes {@code force()} report success without making anything durable, as some consumer disks
     * do. No system can be durable on such a disk: this exists to prove the auditor notices.
     */
    public synchronized void lieAboutForce() {
        lyingForce = true;
    }

    public synchronized long forces() {
        return forces;
    }

    /**
     * Power loss: every unsynced change survives only as a random in-order prefix, the last one perhaps
     * torn. Open handles become useless; the process restarts with {@link #list()} and {@code open}.
     */
    public synchronized void crash() {
        int keepDirectory = random.nextInt(directoryHistory.size() + 1);
        Map<String, Inode> survivors = keepDirectory == 0 ? durableNames : directoryHistory.get(keepDirectory - 1);
        List<Inode> seen = new ArrayList<>();
        for (Inode inode : names.values()) {
            settle(inode);
            seen.add(inode);
        }
        for (Map<String, Inode> snapshot : directoryHistory) {
            for (Inode inode : snapshot.values()) {
                if (!seen.contains(inode)) {
                    settle(inode);
                    seen.add(inode);
                }
            }
        }
        for (Inode inode : durableNames.values()) {
            if (!seen.contains(inode)) {
                settle(inode);
                seen.add(inode);
            }
        }
        names.clear();
        names.putAll(survivors);
        durableNames = new TreeMap<>(names);
        directoryHistory.clear();
        failNextForce = false;
    }

    /** Replays a random prefix of an inode's pending operations onto its durable bytes. */
    private void settle(Inode inode) {
        int ops = inode.pendingOps.size();
        int keep = random.nextInt(ops + 1);
        byte[] data = inode.durable;
        for (int i = 0; i < keep && i < ops; i++) {
            long[] op = inode.pendingOps.get(i);
            boolean last = i == keep - 1;
            if (op[0] == 1) {
                data = Arrays.copyOf(data, (int) op[1]);
            } else {
                byte[] bytes = inode.pendingData.get(i);
                int length = last && random.nextInt(3) == 0 ? random.nextInt(bytes.length + 1) : bytes.length;
                int end = (int) op[1] + length;
                if (end > data.length) {
                    data = Arrays.copyOf(data, end);
                }
                System.arraycopy(bytes, 0, data, (int) op[1], length);
            }
        }
        inode.durable = data;
        inode.current = data.clone();
        inode.pendingOps.clear();
        inode.pendingData.clear();
    }

    /** Durable files and their sizes: what a bit flip can hit. */
    public synchronized Map<String, Integer> durableFiles() {
        Map<String, Integer> sizes = new TreeMap<>();
        durableNames.forEach((name, inode) -> sizes.put(name, inode.durable.length));
        return sizes;
    }

    /**
     * Flips one bit of a file's durable bytes (and of what the process sees, as if re-read from disk):
     * corruption at rest. Only between a crash and a restart, when nothing is pending.
     */
    public synchronized void flipBit(String name, long offset, int bit) {
        Inode inode = durableNames.get(name);
        if (inode == null || !inode.pendingOps.isEmpty()) {
            throw new IllegalStateException("flip only settled durable files: " + name);
        }
        inode.durable[(int) offset] ^= (byte) (1 << bit);
        inode.current = inode.durable.clone();
    }

    private final class SimFile implements StorageFile {
        private final String name;
        private final Inode inode;

        SimFile(String name, Inode inode) {
            this.name = name;
            this.inode = inode;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public long size() {
            synchronized (SimulatedStorage.this) {
                return inode.current.length;
            }
        }

        @Override
        public void read(long position, ByteBuffer destination) throws IOException {
            synchronized (SimulatedStorage.this) {
                int n = destination.remaining();
                if (position < 0 || position + n > inode.current.length) {
                    throw new EOFException(name + ": read of " + n + " bytes at " + position + " past the end ("
                            + inode.current.length + ")");
                }
                destination.put(inode.current, (int) position, n);
            }
        }

        @Override
        public void write(long position, ByteBuffer source) {
            synchronized (SimulatedStorage.this) {
                byte[] bytes = new byte[source.remaining()];
                source.get(bytes);
                int end = (int) position + bytes.length;
                if (end > inode.current.length) {
                    inode.current = Arrays.copyOf(inode.current, end);
                }
                System.arraycopy(bytes, 0, inode.current, (int) position, bytes.length);
                inode.pendingOps.add(new long[] {0, position, bytes.length});
                inode.pendingData.add(bytes);
            }
        }

        @Override
        public void truncate(long size) {
            synchronized (SimulatedStorage.this) {
                if (size < inode.current.length) {
                    inode.current = Arrays.copyOf(inode.current, (int) size);
                }
                inode.pendingOps.add(new long[] {1, size, 0});
                inode.pendingData.add(null);
            }
        }

        @Override
        public void force() throws IOException {
            synchronized (SimulatedStorage.this) {
                if (failNextForce) {
                    failNextForce = false;
                    throw new IOException(name + ": fsync failed (injected)");
                }
                forces++;
                if (lyingForce) {
                    return;
                }
                inode.durable = inode.current.clone();
                inode.pendingOps.clear();
                inode.pendingData.clear();
            }
        }

        @Override
        public void close() {}
    }
}
