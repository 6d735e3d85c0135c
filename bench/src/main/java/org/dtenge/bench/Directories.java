package org.dtenge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The scratch directories that journals are written to during a run, and their removal after it. */
final class Directories {
    private Directories() {}

    /** A new, empty directory inside {@code parent}, or inside the system temp directory when it is empty. */
    static Path scratch(String parent) throws IOException {
        return parent.isEmpty() ? Files.createTempDirectory("dtenge-bench")
                : Files.createTempDirectory(Files.createDirectories(Path.of(parent)), "dtenge-bench");
    }

    static long bytes(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            long total = 0;
            for (Path file : (Iterable<Path>) files::iterator) {
                total += Files.size(file);
            }
            return total;
        }
    }

    static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }
}
