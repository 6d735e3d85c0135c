package org.dtenge.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.dtenge.node.auth.Base64Url;
import org.dtenge.node.auth.KeyFiles;
import org.dtenge.node.auth.SigningKey;

/** Reading and making Ed25519 key files in the PEM form the node writes (OpenSSL-compatible). */
final class Keys {
    private Keys() {}

    static SigningKey readPrivate(Path file) {
        try {
            return KeyFiles.readPrivate(file);
        } catch (IOException | RuntimeException e) {
            throw new CliException("cannot read the private key " + file + ": " + e.getMessage());
        }
    }

    /** A public key given as base64url text, or as a .pub/.key file. */
    static byte[] publicKey(String given) {
        Path file = Path.of(given);
        try {
            if (Files.exists(file)) {
                return given.endsWith(".key") ? KeyFiles.readPrivate(file).publicKey() : KeyFiles.readPublic(file);
            }
            byte[] key = Base64Url.decode(given).orElseThrow(() -> new IllegalArgumentException("not base64url"));
            if (key.length != SigningKey.PUBLIC_KEY_SIZE) {
                throw new CliException("a public key is 32 bytes; \"" + given + "\" decodes to " + key.length);
            }
            return key;
        } catch (IOException | IllegalArgumentException e) {
            throw new CliException("\"" + given + "\" is neither a key file nor a base64url public key: " + e.getMessage());
        }
    }

    /** Makes a new key pair as {@code directory/name.key} and {@code .pub}; refuses to overwrite. */
    static SigningKey generate(Path directory, String name) {
        Path key = directory.resolve(name + ".key");
        if (Files.exists(key)) {
            throw new CliException(key + " exists already: pick another name or remove it first");
        }
        SigningKey generated = SigningKey.generate(new SecureRandom());
        try {
            Files.createDirectories(directory);
            KeyFiles.write(directory, name, generated);
        } catch (IOException e) {
            throw new CliException("cannot write " + key + ": " + e.getMessage());
        }
        return generated;
    }
}
