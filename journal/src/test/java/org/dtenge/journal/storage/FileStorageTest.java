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
