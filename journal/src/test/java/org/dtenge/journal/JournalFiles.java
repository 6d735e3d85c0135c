package org.dtenge.journal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Test plumbing for journal directories on disk. */
final class JournalFiles {
    private JournalFiles() {}

    /** Copies the files of {@code from} into a new directory {@code to}. */
    static Path copy(Path from, Path to) throws IOException {
        java.nio.file.Files.createDirectories(to);
        try (Stream<Path> files = java.nio.file.Files.list(from)) {
            for (Path file : files.toList()) {
                java.nio.file.Files.copy(file, to.resolve(file.getFileName()));
            }
        }
        return to;
    }

    static byte[] read(Path file) throws IOException {
        return java.nio.file.Files.readAllBytes(file);
    }

    static void write(Path file, byte[] bytes) throws IOException {
        java.nio.file.Files.write(file, bytes);
    }

    static long size(Path file) throws IOException {
        return java.nio.file.Files.size(file);
    }
}
