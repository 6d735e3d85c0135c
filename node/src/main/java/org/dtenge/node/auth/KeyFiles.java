package org.dtenge.node.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Ed25519 keys in the PEM files that OpenSSL reads and writes: a private key as PKCS#8
 * ({@code -----BEGIN PRIVATE KEY-----}, RFC 8410) and a public key as SubjectPublicKeyInfo
 * ({@code -----BEGIN PUBLIC KEY-----}). So {@code openssl pkeyutl -sign -rawin -inkey halyk.key} can
 * sign a request by hand. Private key files are created readable by their owner only.
 */
public final class KeyFiles {
    /** DER prefixes of RFC 8410: the key bytes follow them directly. */
    private static final byte[] PRIVATE_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");
    private static final byte[] PUBLIC_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private KeyFiles() {}

    public static String privatePem(SigningKey key) {
        return pem("PRIVATE KEY", concat(PRIVATE_PREFIX, key.seed()));
    }

    public static String publicPem(byte[] publicKey) {
        return pem("PUBLIC KEY", concat(PUBLIC_PREFIX, publicKey));
    }

    public static SigningKey parsePrivate(String pem) {
        return SigningKey.fromSeed(body(pem, "PRIVATE KEY", PRIVATE_PREFIX));
    }

    public static byte[] parsePublic(String pem) {
        return body(pem, "PUBLIC KEY", PUBLIC_PREFIX);
    }

    public static SigningKey readPrivate(Path file) throws IOException {
        return parsePrivate(Files.readString(file, StandardCharsets.US_ASCII));
    }

    public static byte[] readPublic(Path file) throws IOException {
        return parsePublic(Files.readString(file, StandardCharsets.US_ASCII));
    }

    /** Writes {@code <name>.key} (owner-only) and {@code <name>.pub} into {@code directory}, and syncs them. */
    public static void write(Path directory, String name, SigningKey key) throws IOException {
        Files.createDirectories(directory);
        Path privateFile = directory.resolve(name + ".key");
        Files.deleteIfExists(privateFile);
        try {
            Files.createFile(privateFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(privateFile); // not a POSIX file system: rely on the directory's permissions
        }
        writeSynced(privateFile, privatePem(key));
        writeSynced(directory.resolve(name + ".pub"), publicPem(key.publicKey()));
    }

    private static void writeSynced(Path file, String text) throws IOException {
        try (var channel = java.nio.channels.FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(java.nio.ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)));
            channel.force(true);
        }
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    private static byte[] body(String pem, String label, byte[] prefix) {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("not a PEM " + label.toLowerCase(java.util.Locale.ROOT) + " (no " + begin + ")");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the PEM body is not base64", e);
        }
        if (der.length != prefix.length + 32 || !Arrays.equals(der, 0, prefix.length, prefix, 0, prefix.length)) {
            throw new IllegalArgumentException("not an Ed25519 " + label.toLowerCase(java.util.Locale.ROOT) + " (RFC 8410)");
        }
        return Arrays.copyOfRange(der, prefix.length, der.length);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
