package org.dtenge.cards.card;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.dtenge.cards.CardsException;

/** A 32-byte secret in the data directory, made at first start and readable by the owner only. */
public final class KeyFile {
    public static final int BYTES = 32;

    private KeyFile() {}

    public static byte[] openOrCreate(Path dataDir, String name) {
        Path file = dataDir.resolve(name);
        try {
            if (!Files.exists(file)) {
                byte[] fresh = new byte[BYTES];
                new SecureRandom().nextBytes(fresh);
                Path temporary = dataDir.resolve(name + ".tmp");
                Files.write(temporary, fresh, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE, StandardOpenOption.SYNC);
                try {
                    Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: the directory's own protection has to do
                }
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            }
            return read(file);
        } catch (IOException e) {
            throw new CardsException("cannot read or create the key " + file + ": " + e.getMessage(), e);
        }
    }

    public static byte[] read(Path file) throws IOException {
        byte[] key = Files.readAllBytes(file);
        if (key.length != BYTES) {
            throw new CardsException(file + " must hold " + BYTES + " bytes, not " + key.length + "; restore it from backup");
        }
        return key;
    }
}
