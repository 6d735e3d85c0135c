package org.dtenge.journal.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStorageTest {
    @TempDir
    Path directory;

    private static ByteBuffer text(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.US_ASCII));
    }

    private static String read(StorageFile file, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        file.read(position, buffer);
        return new String(buffer.array(), StandardCharsets.US_ASCII);
    }

    @Test
    void writesReadsTruncatesAndForces() throws IOException {
        FileStorage storage = new FileStorage(directory.resolve("nested/journal"));
        try (StorageFile file = storage.create("a.dtj")) {
            assertThat(file.name()).isEqualTo("a.dtj");
            file.write(0, text("hello"));
            file.append(text(" world"));
            assertThat(file.size()).isEqualTo(11);
            assertThat(read(file, 6, 5)).isEqualTo("world");
            file.write(0, text("J"));
            file.truncate(5);
            file.force();
            assertThat(read(file, 0, 5)).isEqualTo("Jello");
            assertThatThrownBy(() -> read(file, 3, 3)).isInstanceOf(EOFException.class);
        }
        try (StorageFile file = storage.open("a.dtj")) {
            assertThat(file.size()).isEqualTo(5);
        }
        assertThatThrownBy(() -> storage.create("a.dtj")).isInstanceOf(FileAlreadyExistsException.class);
        assertThatThrownBy(() -> storage.open("b.dtj")).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void aLogIsOnlyAppendedToAndReadsBackWhatWasAppended() throws IOException {
        FileStorage storage = new FileStorage(directory.resolve("logs"));
        java.util.Random random = new java.util.Random(5);
        java.io.ByteArrayOutputStream written = new java.io.ByteArrayOutputStream();
        try (StorageFile log = storage.createLog("a.dtj")) {
            for (int i = 0; i < 200; i++) {
                byte[] chunk = new byte[random.nextInt(i % 50 == 0 ? 20_000 : 700)];
                random.nextBytes(chunk);
                log.write(written.size(), ByteBuffer.wrap(chunk));
                written.writeBytes(chunk);
                assertThat(log.size()).as("where the appends end").isEqualTo(written.size());
            }
            log.force();
            ByteBuffer back = ByteBuffer.allocate(written.size());
            log.read(0, back);
            assertThat(back.array()).isEqualTo(written.toByteArray());
            assertThatThrownBy(() -> log.write(3, text("x"))).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("only appended to");
        }
        try (StorageFile log = storage.openLog("a.dtj")) {
            log.write(written.size(), text("more"));
            written.writeBytes("more".getBytes(StandardCharsets.US_ASCII));
            ByteBuffer back = ByteBuffer.allocate(written.size());
            log.read(0, back);
            assertThat(back.array()).isEqualTo(written.toByteArray());
        }
    }

    @Test
    void listsRenamesAndDeletesByPlainName() throws IOException {
        FileStorage storage = new FileStorage(directory);
        storage.create("c").close();
        storage.create("a").close();
        storage.create("b.tmp").close();
        storage.rename("b.tmp", "b");
        storage.syncDirectory();
        assertThat(storage.list()).containsExactly("a", "b", "c");
        storage.rename("a", "c"); // replaces
        storage.delete("b");
        assertThat(storage.list()).containsExactly("c");
        assertThat(storage.describe("c")).isEqualTo(directory.resolve("c").toString());
        for (String bad : new String[] {"", ".", "..", "../x", "a/b"}) {
            assertThatThrownBy(() -> storage.create(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
